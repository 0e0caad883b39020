import type { Api } from '@shared/api'
import type { BodyOf, ParamsOf, QueryOf } from '@shared/http'

/** The body of one endpoint of the contract, as a domain hook takes it: `Body<'fiveLists', 'review'>`. */
export type Body<C extends keyof Api, K extends keyof Api[C]> = BodyOf<Api[C][K]>

/** The query of one endpoint of the contract. */
export type QueryParams<C extends keyof Api, K extends keyof Api[C]> = QueryOf<Api[C][K]>

/** The path parameters of one endpoint of the contract. */
export type Params<C extends keyof Api, K extends keyof Api[C]> = ParamsOf<Api[C][K]>
