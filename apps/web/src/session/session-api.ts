import { ApiRefusal, type ErrorBody } from '../api/api-refusal';
import type { SessionUser } from './session-storage';

/*
 * `/session` and `/session/demo-users` are the web app's own routes (apps/api/src/web), kept out of the
 * OpenAPI document and so out of the generated client; these two calls are typed here.
 */

export interface DemoUser extends SessionUser {
  readonly token: string;
}

export interface DemoSignIn {
  readonly demo: boolean;
  readonly users: readonly DemoUser[];
}

const answerOf = async <T>(response: Response): Promise<T> => {
  const body: unknown = await response.json();
  if (!response.ok) throw new ApiRefusal(response.status, body as ErrorBody);
  return body as T;
};

/** The user a token names; 401 (ApiRefusal) when the API does not accept it. */
export const fetchSessionUser = async (token: string): Promise<SessionUser> =>
  answerOf<SessionUser>(await fetch('/session', { headers: { authorization: `Bearer ${token}` } }));

export const fetchDemoSignIn = async (): Promise<DemoSignIn> => answerOf<DemoSignIn>(await fetch('/session/demo-users'));
