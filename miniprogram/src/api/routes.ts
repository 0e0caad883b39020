import type { Api } from '@shared/api'
import type { Method } from '@shared/http'

/** One endpoint as the app calls it: its method and path, typed (phantom `E`) by the contract's endpoint. */
export interface Route<E> {
  method: Method
  path: string
  idempotent?: boolean
  /** never set: carries the endpoint's type so `call` is typed from the contract */
  readonly __endpoint?: E
}

export type Routes = { [C in keyof Api]: { [K in keyof Api[C]]: Route<Api[C][K]> } }

/** The contract's route table, read from shared/api.ts when the app is built (config/routes.ts). */
export const api: Routes = LINLI_ROUTES
