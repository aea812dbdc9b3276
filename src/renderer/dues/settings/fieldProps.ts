import type { SettingsForm } from './form';

/** What each part of the settings form needs to bind a field: value, change, leave (inline check), its message. */
export interface SettingsBinding {
  form: SettingsForm;
  set: <K extends keyof SettingsForm>(field: K, value: SettingsForm[K]) => void;
  /** The field was left: check it on its own. */
  leave: (field: keyof SettingsForm) => void;
  error: (field: string) => string | undefined;
}

/** Props for a text input bound to one field, with a stable name for tests and autofill. */
export function bind(b: SettingsBinding, field: keyof SettingsForm & string) {
  return {
    name: field,
    value: b.form[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => b.set(field, e.currentTarget.value as never),
    onBlur: () => b.leave(field),
    error: b.error(field),
  };
}
