import type { Api } from '../../shared/contract';
import type { ContextProvider } from '../register/context';

type ExportsApi = Pick<Api, Extract<keyof Api, `exports.${string}`>>;

export function createExportsHandlers(_context: ContextProvider): ExportsApi {
  return {};
}
