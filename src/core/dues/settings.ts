import type { RegisterCountry } from '../../shared/contract';
import { duesSettingsInputSchema, type DuesLogoInfo, type DuesSettingsEntity } from '../../shared/contract/dues';
import { formatNorwegianOrgNumber, formatSwedishOrgNumber } from '../../shared/nordic/identity';
import type { Db } from '../db/database';
import { sql } from '../db/sql';
import type { LetterIssuer } from '../documents/letters/types';
import type { RegisterContext } from '../register/context';
import { currencyOf, readSettings } from '../register/settings';
import { missingForRun, type StoredDuesSettings } from './settings-rules';
import { DUES_TEXTS } from './texts';

interface DbSettings {
  data: string;
  logo: Uint8Array | null;
  logo_mime: 'image/png' | 'image/jpeg' | null;
  logo_width: number | null;
  logo_height: number | null;
}

function row(db: Db): DbSettings | undefined {
  return db.get<DbSettings>(sql`SELECT data, logo, logo_mime, logo_width, logo_height FROM dues_settings WHERE id = 1`);
}

/** The stored settings, or the defaults for a register that has none yet. */
export function readDuesSettings(ctx: RegisterContext): StoredDuesSettings {
  const r = row(ctx.db);
  const defaults = duesSettingsInputSchema.parse({
    associationName: readSettings(ctx.db).associationName,
    referenceKind: ctx.country === 'NO' ? 'kid' : 'ocr',
    letterText: DUES_TEXTS[ctx.language].defaultLetter,
  });
  if (!r) return defaults;
  // Stored JSON went through the same schema; parsing again fills fields added in later versions.
  return duesSettingsInputSchema.parse({ ...defaults, ...(JSON.parse(r.data) as object) });
}

export function writeDuesSettings(ctx: RegisterContext, s: StoredDuesSettings, at: string) {
  ctx.db.run(sql`INSERT INTO dues_settings (id, data, updated_at) VALUES (1, ${JSON.stringify(s)}, ${at})
                 ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`);
}

export function writeLogo(ctx: RegisterContext, logo: { bytes: Uint8Array; mime: string; width: number; height: number } | null, at: string) {
  if (!row(ctx.db)) writeDuesSettings(ctx, readDuesSettings(ctx), at);
  ctx.db.run(sql`UPDATE dues_settings SET logo = ${logo?.bytes ?? null}, logo_mime = ${logo?.mime ?? null},
                 logo_width = ${logo?.width ?? null}, logo_height = ${logo?.height ?? null}, updated_at = ${at} WHERE id = 1`);
}

export function readLogo(db: Db): { mime: 'image/png' | 'image/jpeg'; bytes: Uint8Array; width: number; height: number } | null {
  const r = row(db);
  if (!r?.logo || !r.logo_mime) return null;
  return { mime: r.logo_mime, bytes: r.logo, width: r.logo_width ?? 0, height: r.logo_height ?? 0 };
}

function logoInfo(db: Db): DuesLogoInfo | null {
  const l = readLogo(db);
  if (!l) return null;
  const dataUrl = `data:${l.mime};base64,${Buffer.from(l.bytes).toString('base64')}`;
  return { mime: l.mime, width: l.width, height: l.height, bytes: l.bytes.length, dataUrl };
}

export function settingsEntity(ctx: RegisterContext): DuesSettingsEntity {
  const s = readDuesSettings(ctx);
  // The number the next invoice really gets: never one already used.
  const used = ctx.db.column(sql`SELECT coalesce(max(seq), 0) FROM invoices`)[0];
  return {
    ...s,
    nextInvoiceNumber: Math.max(s.nextInvoiceNumber, used + 1),
    country: ctx.country,
    currency: currencyOf(ctx.country),
    logo: logoInfo(ctx.db),
    missing: missingForRun(s, ctx.country),
  };
}

/** The association as printed on the letters. */
export function letterIssuer(ctx: RegisterContext, s: StoredDuesSettings): LetterIssuer {
  const country: RegisterCountry = ctx.country;
  const logo = readLogo(ctx.db);
  return {
    name: s.associationName,
    addressLines: s.addressLines,
    // Stored as bare digits; printed the way each country writes it (802400-1235, 974 760 673).
    orgNumber: s.orgNumber && (country === 'NO' ? formatNorwegianOrgNumber(s.orgNumber) : formatSwedishOrgNumber(s.orgNumber)),
    contact: s.contact,
    logo: logo ? { mime: logo.mime, bytes: logo.bytes } : null,
    country,
    currency: currencyOf(country),
    bankgiro: country === 'SE' ? s.bankgiro : null,
    plusgiro: country === 'SE' ? s.plusgiro : null,
    swishNumber: country === 'SE' ? s.swishNumber : null,
    bankAccount: country === 'NO' ? s.bankAccount : null,
    iban: s.iban,
    bic: s.bic,
  };
}
