/** Nest injection tokens for the engine's parts, which are plain classes opened before Nest starts. */
export const ENGINE = Symbol('Engine');
export const USER_DIRECTORY = Symbol('UserDirectory');
export const BEARER_TOKENS = Symbol('BearerTokens');
export const API_SETTINGS = Symbol('ApiSettings');
