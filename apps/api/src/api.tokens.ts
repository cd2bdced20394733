/** Nest injection tokens for the engine's parts, which are plain classes opened before Nest starts. */
export const ENGINE = Symbol('Engine');
export const USER_DIRECTORY = Symbol('UserDirectory');
export const BEARER_TOKENS = Symbol('BearerTokens');
export const API_SETTINGS = Symbol('ApiSettings');
/** The read-model file (`read-models.sqlite` in the data directory) the queries read. */
export const READ_MODELS = Symbol('ReadModelDatabase');
/** The runner that keeps the read models live in this process. */
export const PROJECTION_RUNNER = Symbol('ProjectionRunner');
/** Assignment rules and the lead pool of this process (README, Assignment rules; Lead pool). */
export const LEAD_ASSIGNMENT = Symbol('LeadAssignment');
/** The secrets orders sign and check with: payment webhooks, customers' acceptance links (README, Orders and payments). */
export const ORDER_SECRETS = Symbol('OrderSecrets');
