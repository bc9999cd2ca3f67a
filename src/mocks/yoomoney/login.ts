import { ErrorResponse, LoginRequest, LoginResponse } from "../../contracts/yoomoney/index.js";
import { loginWithPassword } from "../../state/yoomoney/login.js";
import type { Answer } from "../http/answer.js";
import type { OpenHandler } from "../http/handler.js";
import { randomSecret } from "../sandbox/random-secret.js";
import { errorBody, type YmError } from "./errors.js";
import type { YmBody } from "./route.js";

const refused = (detail: string): Answer => {
  const error: YmError = { code: "unauthorized", detail };
  return { status: 401, body: errorBody(error), schema: ErrorResponse };
};

/**
 * users/login (no token): a token for the tenant its login names. Open mode takes any non-empty password;
 * strict mode the one this login was first given.
 */
export const login: OpenHandler<YmBody> = ({ registry, body }) => {
  const credentials = LoginRequest.safeParse(body);
  if (!credentials.success) return refused("Invalid login or password: both are required, non-empty strings");
  const answer = loginWithPassword(registry, credentials.data, randomSecret);
  if (!answer.ok) {
    return refused("Invalid login or password: this login was first used with another password (--auth strict); send that one, or log in with a new login");
  }
  return { status: 200, body: answer.value, schema: LoginResponse };
};
