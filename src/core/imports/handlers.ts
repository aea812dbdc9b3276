import type { Api } from '../../shared/contract';
import type { ContextProvider } from '../register/context';

type ImportsApi = Pick<Api, Extract<keyof Api, `import.${string}`>>;

export function createImportsHandlers(_context: ContextProvider): ImportsApi {
  return {};
}
