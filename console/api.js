// Every call the console makes: to the control plane under /__sandbox, with the pasted token.

/** The control plane's base path. */
export const BASE = "/__sandbox";

/** A refused call: the control plane's {"error": {"code", "message"}} with its status. */
export class ApiError extends Error {
  /**
   * @param {number} status
   * @param {string} code
   * @param {string} message
   */
  constructor(status, code, message) {
    super(`${status} ${code}: ${message}`);
    this.status = status;
    this.code = code;
  }
}

/**
 * @typedef {object} Api
 * @property {string} token The token calls send (empty: none).
 * @property {<T>(path: string) => Promise<T>} get
 * @property {<T>(path: string, body?: unknown) => Promise<T>} post
 * @property {<T>(path: string) => Promise<T>} del
 * @property {(path: string, init?: RequestInit) => Promise<Response>} raw A call answered as it comes (a stream).
 */

/**
 * @param {Response} response
 * @returns {Promise<ApiError>}
 */
async function errorOf(response) {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text);
    const error = parsed && typeof parsed === "object" ? parsed.error : undefined;
    if (error && typeof error.code === "string" && typeof error.message === "string") return new ApiError(response.status, error.code, error.message);
  } catch {
    // not JSON: the text itself says what went wrong
  }
  return new ApiError(response.status, "error", text || response.statusText);
}

/**
 * The control-plane client for one token.
 * @param {string} token
 * @returns {Api}
 */
export function createApi(token) {
  /** @param {RequestInit} init */
  const withToken = (init) => {
    const headers = new Headers(init.headers);
    if (token !== "") headers.set("Authorization", `Bearer ${token}`);
    return { ...init, headers };
  };
  /**
   * @param {string} method
   * @param {string} path
   * @param {unknown} [body]
   */
  const call = async (method, path, body) => {
    /** @type {RequestInit} */
    const init = { method };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { "Content-Type": "application/json" };
    }
    const response = await fetch(`${BASE}${path}`, withToken(init));
    if (!response.ok) throw await errorOf(response);
    return response.status === 204 ? undefined : response.json();
  };
  return {
    token,
    get: (path) => call("GET", path),
    post: (path, body) => call("POST", path, body),
    del: (path) => call("DELETE", path),
    raw: (path, init = {}) => fetch(`${BASE}${path}`, withToken(init)),
  };
}
