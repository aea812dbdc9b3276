import { Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import type { RegisterInfo } from '../shared/contract';
import { bridge, call } from './api';
import { setLanguage } from './i18n';
import { CreatePage } from './pages/CreatePage';
import { RecoveryKeyPage } from './pages/RecoveryKeyPage';
import { RegisterShell } from './pages/RegisterShell';
import { UnlockPage } from './pages/UnlockPage';
import { WelcomePage } from './pages/WelcomePage';

export type Screen =
  | { kind: 'loading' }
  | { kind: 'welcome' }
  | { kind: 'create' }
  | { kind: 'recovery'; recoveryKey: string; info: RegisterInfo }
  | { kind: 'unlock'; path: string; reason?: 'idle' | 'user'; notice?: string }
  | { kind: 'register'; info: RegisterInfo };

/** The app's screens: welcome → create or unlock → the register; locking returns to unlock. */
export function App() {
  const [screen, setScreen] = useState<Screen>({ kind: 'loading' });

  const enter = useCallback((info: RegisterInfo) => {
    setLanguage(info.language);
    setScreen({ kind: 'register', info });
  }, []);

  useEffect(() => {
    // A reload (or a second window) finds the register still open in the core.
    call('register.info', {})
      .then((info) => (info ? enter(info) : setScreen({ kind: 'welcome' })))
      .catch(() => setScreen({ kind: 'welcome' }));
  }, [enter]);

  useEffect(
    () => bridge.on('register.locked', ({ path, reason }) => setScreen({ kind: 'unlock', path, reason: reason === 'quit' ? 'user' : reason })),
    [],
  );

  switch (screen.kind) {
    case 'loading':
      return (
        <Center h="100%">
          <Loader />
        </Center>
      );
    case 'welcome':
      return <WelcomePage onCreate={() => setScreen({ kind: 'create' })} onOpen={(path) => setScreen({ kind: 'unlock', path })} />;
    case 'create':
      return (
        <CreatePage
          onBack={() => setScreen({ kind: 'welcome' })}
          onCreated={(info, recoveryKey) => {
            setLanguage(info.language);
            setScreen({ kind: 'recovery', info, recoveryKey });
          }}
        />
      );
    case 'recovery':
      return <RecoveryKeyPage recoveryKey={screen.recoveryKey} onDone={() => enter(screen.info)} />;
    case 'unlock':
      return (
        <UnlockPage
          key={screen.path}
          path={screen.path}
          reason={screen.reason}
          notice={screen.notice}
          onOpened={enter}
          onOther={() => setScreen({ kind: 'welcome' })}
          onSwitch={(path, notice) => setScreen({ kind: 'unlock', path, notice })}
        />
      );
    case 'register':
      return <RegisterShell info={screen.info} onInfo={(info) => setScreen({ kind: 'register', info })} />;
  }
}
