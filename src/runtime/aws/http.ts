import { STATUS_CODES } from "node:http";
import { StatesError } from "../errors.js";
import type { Json } from "../types.js";
import { ARRAY_FORMATS, urlEncodeBody, type ArrayFormat } from "./form.js";
import { parameters, type AwsCall } from "./sdk.js";

type JsonObject = { [key: string]: Json };

/** The part of `fetch` the HTTP integrations use (the global `fetch` fits; tests inject their own). */
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<FetchResponseLike>;

export interface FetchResponseLike {
  status: number;
  statusText: string;
  headers: { forEach(callback: (value: string, key: string) => void): void };
  text(): Promise<string>;
}

/** A request about to be sent: what a connection resolver may add credentials to. */
export interface HttpRequestParts {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * Supplies what an EventBridge connection (`Authentication.ConnectionArn`) adds to an HTTP Task's request: its
 * authorization (Basic, API key, OAuth token) and its invocation parameters. Step Functions reads the connection from
 * EventBridge and its secret from Secrets Manager; a durable function has no such service, so the handler's author
 * provides this hook (e.g. reading a secret they own), or `staticConnections`, or `withoutConnectionCredentials`.
 */
export type ConnectionResolver = (connectionArn: string, request: HttpRequestParts) => HttpRequestParts | Promise<HttpRequestParts>;

/** Headers and query parameters to add per connection ARN. */
export interface ConnectionParameters {
  headers?: Record<string, string>;
  queryParameters?: Record<string, string>;
}

/** A resolver from a fixed table; a connection missing from it fails the task (`States.Runtime`). */
export function staticConnections(table: Readonly<Record<string, ConnectionParameters>>): ConnectionResolver {
  return (arn, request) => {
    if (!Object.hasOwn(table, arn)) throw new StatesError("States.Runtime", `No credentials configured for connection ${arn}`);
    const entry = table[arn] as ConnectionParameters;
    const url = new URL(request.url);
    for (const [k, v] of Object.entries(entry.queryParameters ?? {})) url.searchParams.append(k, v);
    return { ...request, url, headers: { ...request.headers, ...entry.headers } };
  };
}

/** A resolver that sends requests as they are, for APIs that need no credentials. */
export const withoutConnectionCredentials: ConnectionResolver = (_arn, request) => request;

export interface HttpInvokeOptions {
  fetch?: FetchLike;
  /** Required when a Task names `Authentication.ConnectionArn` (Step Functions requires it on every HTTP Task). */
  connection?: ConnectionResolver;
  /** Step Functions gives an HTTP request 60 seconds. */
  timeoutMs?: number;
}

const HTTP_METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"];

/**
 * `arn:aws:states:::http:invoke` (developer guide "Call HTTPS APIs in Step Functions workflows", call-https-apis,
 * checked 2026-11). Parameters: ApiEndpoint (URL), Method, Authentication.ConnectionArn, Headers, QueryParameters,
 * RequestBody, Transform {RequestBodyEncoding NONE|URL_ENCODED, RequestEncodingOptions.ArrayFormat}.
 * Result: `{ Headers: {name: [value]}, ResponseBody, StatusCode, StatusText }`, ResponseBody parsed when the response is
 * JSON. A response outside 2xx fails with `States.Http.StatusCode.<code>` and the result's JSON text as the cause; a
 * failed connection or a timeout with `States.Http.Socket` (ASL-9).
 * Choices: a string RequestBody is sent as it is; Content-Type defaults to application/json (form encoding:
 * application/x-www-form-urlencoded); header names in the result are lower case (as fetch gives them).
 */
export function httpInvoke(options: HttpInvokeOptions = {}): AwsCall {
  return async (input) => {
    const p = parameters(input);
    const method = requireMethod(p["Method"]);
    const url = requireUrl(p["ApiEndpoint"]);
    for (const [k, v] of Object.entries(objectField(p, "QueryParameters"))) {
      for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, text(item));
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(objectField(p, "Headers"))) headers[k] = text(v);
    let body: string | undefined;
    if (p["RequestBody"] !== undefined) {
      const transform = objectField(p, "Transform");
      if (transform["RequestBodyEncoding"] === "URL_ENCODED" && isObject(p["RequestBody"])) {
        body = urlEncodeBody(p["RequestBody"], arrayFormat(transform));
        setDefaultHeader(headers, "Content-Type", "application/x-www-form-urlencoded");
      } else {
        body = text(p["RequestBody"]);
        setDefaultHeader(headers, "Content-Type", "application/json");
      }
    }
    let request: HttpRequestParts = { url, method, headers, ...(body !== undefined ? { body } : {}) };
    const connectionArn = objectField(p, "Authentication")["ConnectionArn"];
    if (typeof connectionArn === "string") {
      if (!options.connection) {
        throw new StatesError("States.Runtime", `http:invoke names connection ${connectionArn}, but no connection resolver is configured (see ConnectionResolver)`);
      }
      request = await options.connection(connectionArn, request);
    }
    let result: JsonObject;
    try {
      result = await send(options.fetch ?? fetch, request, options.timeoutMs ?? 60_000);
    } catch (e) {
      throw new StatesError("States.Http.Socket", e instanceof Error ? e.message : String(e));
    }
    const status = result["StatusCode"] as number;
    if (status < 200 || status > 299) throw new StatesError(`States.Http.StatusCode.${status}`, JSON.stringify(result));
    return result;
  };
}

/** The structural part of `@smithy/signature-v4`'s SignatureV4 the API Gateway integration uses. */
export interface RequestSigner {
  sign(request: SignableRequest): Promise<SignableRequest>;
}

export interface SignableRequest {
  method: string;
  protocol: string;
  hostname: string;
  path: string;
  query?: Record<string, string | string[] | null>;
  headers: Record<string, string>;
  body?: unknown;
}

export interface ApiGatewayInvokeOptions {
  fetch?: FetchLike;
  /**
   * Builds the SigV4 signer for a region, for AuthType IAM_ROLE and RESOURCE_POLICY, e.g.
   * `(region) => new SignatureV4({ service: "execute-api", region, credentials: defaultProvider(), sha256: Sha256 })`
   * with SignatureV4 from @smithy/signature-v4, Sha256 from @aws-crypto/sha256-js and defaultProvider from
   * @aws-sdk/credential-provider-node (all installed with the AWS SDK).
   */
  signer?: (region: string) => RequestSigner;
  timeoutMs?: number;
}

/** Headers Step Functions refuses in an API Gateway request (names, then name prefixes). */
const FORBIDDEN_HEADERS = ["authorization", "connection", "content-md5", "expect", "host", "max-forwards", "proxy-authenticate", "server", "te", "transfer-encoding", "trailer", "upgrade", "via", "www-authenticate"];
const FORBIDDEN_PREFIXES = ["x-forwarded", "x-amz", "x-amzn"];

/**
 * `arn:aws:states:::apigateway:invoke` (developer guide "Create API Gateway REST APIs with Step Functions",
 * connect-api-gateway, checked 2026-11). Parameters: ApiEndpoint (host name `<id>.execute-api.<region>.amazonaws.com`),
 * Method, Stage, Path, Headers {name: [values]}, QueryParameters {name: [values]}, RequestBody (sent as JSON; nulls
 * dropped unless AllowNullValues is true), AuthType NO_AUTH (default) | IAM_ROLE | RESOURCE_POLICY (the last two signed
 * with SigV4 for `execute-api`). Result `{ Headers: {name: [value]}, ResponseBody, StatusCode, StatusText }`.
 * A response outside 2xx fails with `ApiGateway.<status code>` and the response body as the cause; a failure without a
 * status code with `ApiGateway.SdkClientException` [choice: the guide says `ApiGateway.<Exception>`].
 */
export function apiGatewayInvoke(options: ApiGatewayInvokeOptions = {}): AwsCall {
  return async (input) => {
    const p = parameters(input);
    const method = requireMethod(p["Method"]);
    const endpoint = p["ApiEndpoint"];
    if (typeof endpoint !== "string" || endpoint === "") throw new StatesError("States.Runtime", "apigateway:invoke needs ApiEndpoint, the API's host name");
    const hostname = endpoint.replace(/^https:\/\//, "").replace(/\/+$/, "");
    const path = `/${[p["Stage"], p["Path"]].filter((s): s is string => typeof s === "string" && s !== "").map((s) => s.replace(/^\/+|\/+$/g, "")).filter((s) => s !== "").join("/")}`;
    const query: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(objectField(p, "QueryParameters"))) query[k] = (Array.isArray(v) ? v : [v]).map(text);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(objectField(p, "Headers"))) {
      const lower = k.toLowerCase();
      if (FORBIDDEN_HEADERS.includes(lower) || FORBIDDEN_PREFIXES.some((prefix) => lower.startsWith(prefix))) {
        throw new StatesError("States.Runtime", `The 'Headers' field contains unsupported values: ${k}`);
      }
      headers[k] = (Array.isArray(v) ? v : [v]).map(text).join(", ");
    }
    headers["Accept"] = "application/json";
    let body: string | undefined;
    if (p["RequestBody"] !== undefined) {
      if (!["PATCH", "POST", "PUT"].includes(method)) throw new StatesError("States.Runtime", `apigateway:invoke sends a RequestBody only with PATCH, POST or PUT, not ${method}`);
      const requestBody = p["RequestBody"];
      body = typeof requestBody === "string" ? requestBody : JSON.stringify(p["AllowNullValues"] === true ? requestBody : withoutNulls(requestBody));
      headers["Content-Type"] = "application/json";
    }
    const authType = p["AuthType"] ?? "NO_AUTH";
    if (authType !== "NO_AUTH" && authType !== "IAM_ROLE" && authType !== "RESOURCE_POLICY") {
      throw new StatesError("States.Runtime", `AuthType must be NO_AUTH, IAM_ROLE or RESOURCE_POLICY, not ${JSON.stringify(authType)}`);
    }
    let signable: SignableRequest = { method, protocol: "https:", hostname, path, query, headers: { ...headers, host: hostname }, ...(body !== undefined ? { body } : {}) };
    if (authType !== "NO_AUTH") {
      const region = /\.execute-api\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?$/.exec(hostname)?.[1];
      if (region === undefined) throw new StatesError("States.Runtime", `Cannot sign a request to ${hostname}: not an execute-api host name`);
      if (!options.signer) throw new StatesError("States.Runtime", `AuthType ${authType} needs a request signer (see ApiGatewayInvokeOptions.signer)`);
      signable = await options.signer(region).sign(signable);
    }
    const url = new URL(`https://${hostname}${path}`);
    for (const [k, values] of Object.entries(query)) for (const v of values) url.searchParams.append(k, v);
    const { host: _host, ...sendHeaders } = signable.headers;
    let result: JsonObject;
    try {
      result = await send(options.fetch ?? fetch, { url, method, headers: sendHeaders, ...(body !== undefined ? { body } : {}) }, options.timeoutMs ?? 60_000);
    } catch (e) {
      throw new StatesError("ApiGateway.SdkClientException", e instanceof Error ? e.message : String(e));
    }
    const status = result["StatusCode"] as number;
    if (status < 200 || status > 299) {
      const responseBody = result["ResponseBody"] ?? "";
      throw new StatesError(`ApiGateway.${status}`, typeof responseBody === "string" ? responseBody : JSON.stringify(responseBody));
    }
    return result;
  };
}

/** Send a request; the result in the integrations' shape. Throws on a network failure or timeout. */
async function send(fetchFn: FetchLike, request: HttpRequestParts, timeoutMs: number): Promise<JsonObject> {
  const response = await fetchFn(request.url.toString(), {
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const headers: JsonObject = {};
  let contentType = "";
  response.headers.forEach((value, key) => {
    headers[key] = [value];
    if (key.toLowerCase() === "content-type") contentType = value;
  });
  const raw = await response.text();
  return {
    Headers: headers,
    ResponseBody: parseBody(raw, contentType),
    StatusCode: response.status,
    StatusText: response.statusText || STATUS_CODES[response.status] || "",
  };
}

/** A JSON response (by Content-Type, or failing that by its text parsing as a JSON object or array) is parsed. */
function parseBody(raw: string, contentType: string): Json {
  const looksJson = /json/i.test(contentType) || /^\s*[[{]/.test(raw);
  if (!looksJson || raw.trim() === "") return raw;
  try {
    return JSON.parse(raw) as Json;
  } catch {
    return raw;
  }
}

function requireMethod(value: Json | undefined): string {
  if (typeof value !== "string" || !HTTP_METHODS.includes(value.toUpperCase())) {
    throw new StatesError("States.Runtime", `Method must be one of ${HTTP_METHODS.join(", ")}, not ${JSON.stringify(value ?? null)}`);
  }
  return value.toUpperCase();
}

function requireUrl(value: Json | undefined): URL {
  if (typeof value === "string") {
    try {
      return new URL(value);
    } catch {
      // reported below
    }
  }
  throw new StatesError("States.Runtime", `ApiEndpoint must be a URL, not ${JSON.stringify(value ?? null)}`);
}

function arrayFormat(transform: JsonObject): ArrayFormat {
  const options = transform["RequestEncodingOptions"];
  const format = isObject(options) ? options["ArrayFormat"] : undefined;
  if (format === undefined) return "INDICES";
  if (typeof format === "string" && (ARRAY_FORMATS as readonly string[]).includes(format)) return format as ArrayFormat;
  throw new StatesError("States.Runtime", `ArrayFormat must be one of ${ARRAY_FORMATS.join(", ")}, not ${JSON.stringify(format)}`);
}

function objectField(p: JsonObject, name: string): JsonObject {
  const value = p[name];
  if (value === undefined || value === null) return {};
  if (isObject(value)) return value;
  throw new StatesError("States.Runtime", `${name} must be a JSON object, not ${JSON.stringify(value)}`);
}

function setDefaultHeader(headers: Record<string, string>, name: string, value: string): void {
  if (!Object.keys(headers).some((k) => k.toLowerCase() === name.toLowerCase())) headers[name] = value;
}

function text(value: Json): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function withoutNulls(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}

function isObject(value: Json | undefined): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
