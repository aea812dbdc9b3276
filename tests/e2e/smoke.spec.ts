import WebSocket from 'ws';
import type { WebSocket as PageSocket } from '@playwright/test';
import { expect, test } from './fixtures';

// Proves the harness: the built UI loads from the preview server, its bridge client (no
// window.kansli in a browser) connects over the token-protected WebSocket, and a contract call
// reaches the real core and comes back.

interface Frame {
  id?: number;
  name?: string;
  result?: { ok: boolean };
}

function framesOf(socket: PageSocket, sent: Frame[], received: Frame[]): void {
  const parse = (payload: string | Buffer) => JSON.parse(payload.toString()) as Frame;
  socket.on('framesent', (f) => sent.push(parse(f.payload)));
  socket.on('framereceived', (f) => received.push(parse(f.payload)));
}

test('the UI loads and its preview client calls the core', async ({ page, server }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A CSP violation is only a console message: make it fail the harness, not pass silently.
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  await expect(page).toHaveTitle(/Kansli/);
  expect(await page.evaluate(() => 'kansli' in window)).toBe(false);
  // The token has left the address bar (it lives in sessionStorage for reloads).
  expect(page.url()).not.toContain(server.token);

  // Reload without the token in the URL: the client must reconnect with the stored one.
  const sent: Frame[] = [];
  const received: Frame[] = [];
  page.on('websocket', (socket) => framesOf(socket, sent, received));
  await page.reload();

  await expect.poll(() => sent.find((f) => f.name === 'register.recent')).toBeTruthy();
  const call = sent.find((f) => f.name === 'register.recent')!;
  await expect.poll(() => received.find((f) => f.id === call.id)?.result).toMatchObject({ ok: true });
  expect(errors).toEqual([]);
});

test('the bridge answers an invoke with the token and refuses without it', async ({ server }) => {
  const url = `ws://127.0.0.1:${server.port}/bridge`;
  const origin = `http://127.0.0.1:${server.port}`;

  const refused = await new Promise<number>((resolve) => {
    const ws = new WebSocket(`${url}?token=wrong`, { origin });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('open', () => resolve(101));
  });
  expect(refused).toBe(403);

  const ws = new WebSocket(`${url}?token=${server.token}`, { origin });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  ws.send(JSON.stringify({ id: 1, name: 'register.recent', args: {} }));
  const reply = await new Promise<{ id: number; result: { ok: boolean; value: unknown } }>((resolve) =>
    ws.once('message', (data) => resolve(JSON.parse(data.toString()))),
  );
  ws.close();
  expect(reply).toEqual({ id: 1, result: { ok: true, value: [] } });
});
