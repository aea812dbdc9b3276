import { useTranslation } from 'react-i18next';
import type { Audience } from '../../shared/contract';

/** "All members", "Styrelsen", "Styrelsen (Chair, Treasurer)", "Local leader" — in the UI language. */
export function useAudienceText() {
  const { t } = useTranslation();
  const roles = (rs: string[]) => rs.map((r) => t(`roles.${r}`)).join(', ');
  return (audience: Audience, name: string | null): string => {
    switch (audience.kind) {
      case 'all':
        return t('communication.audience.all');
      case 'roles':
        return roles(audience.roles);
      case 'segment':
        return name ?? t('communication.audience.missing');
      case 'group':
        return `${name ?? t('communication.audience.missing')}${audience.roles ? ` (${roles(audience.roles)})` : ''}`;
    }
  };
}
