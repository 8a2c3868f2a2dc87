import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "@aws-crypto/sha256-js";
import { apiGatewayInvoke, httpInvoke, staticConnections, withoutConnectionCredentials, type FetchLike } from "../../src/runtime/aws/http.js";
import { urlEncodeBody } from "../../src/runtime/aws/form.js";
import { StatesError } from "../../src/runtime/errors.js";
import { deepFreeze } from "../support/values.js";

interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

/** A fetch that records the request and answers with the given response. */
function fakeFetch(status: number, body: string, headers: Record<string, string> = {}, statusText = ""): { fetch: FetchLike; sent: Sent[] } {
  const sent: Sent[] = [];
  const fetch: FetchLike = async (url, init) => {
    sent.push({ url, method: init.method, headers: init.headers, ...(init.body !== undefined ? { body: init.body } : {}) });
    return { status, statusText, headers: new Headers(headers), text: async () => body };
  };
  return { fetch, sent };
}

const failing = (name: string, cause?: RegExp) => (e: unknown): boolean =>
  e instanceof StatesError && e.name === name && (cause === undefined || cause.test(e.message));

const CONNECTION = "arn:aws:events:us-east-2:123456789012:connection/Stripe/81210c42";

describe("http:invoke (call-https-apis)", () => {
  test("GET with query parameters and a connection; the JSON response parsed into ResponseBody", async () => {
    const { fetch, sent } = fakeFetch(200, '{"data":[1]}', { "content-type": "application/json" }, "OK");
    const call = httpInvoke({ fetch, connection: staticConnections({ [CONNECTION]: { headers: { Authorization: "Bearer sk" }, queryParameters: { api: "v1" } } }) });
    const result = await call(deepFreeze({
      ApiEndpoint: "https://api.stripe.com/v1/customers", Method: "GET", Authentication: { ConnectionArn: CONNECTION },
      QueryParameters: { limit: 3, tags: ["a", "b"] }, Headers: { "X-Trace": "t" },
    }));
    assert.deepEqual(sent, [{ url: "https://api.stripe.com/v1/customers?limit=3&tags=a&tags=b&api=v1", method: "GET", headers: { "X-Trace": "t", Authorization: "Bearer sk" } }]);
    assert.deepEqual(result, { Headers: { "content-type": ["application/json"] }, ResponseBody: { data: [1] }, StatusCode: 200, StatusText: "OK" });
  });

  test("a JSON RequestBody is sent as JSON; a text response stays text; StatusText falls back to the standard phrase", async () => {
    const { fetch, sent } = fakeFetch(201, "created", { "content-type": "text/plain" });
    const result = await httpInvoke({ fetch, connection: withoutConnectionCredentials })({ ApiEndpoint: "https://x.test/items", Method: "post", RequestBody: { name: "n", n: null }, Authentication: { ConnectionArn: CONNECTION } });
    assert.deepEqual(sent[0], { url: "https://x.test/items", method: "POST", headers: { "Content-Type": "application/json" }, body: '{"name":"n","n":null}' });
    assert.deepEqual(result, { Headers: { "content-type": ["text/plain"] }, ResponseBody: "created", StatusCode: 201, StatusText: "Created" });
  });

  test("Transform URL_ENCODED writes the body as a form with the chosen ArrayFormat", async () => {
    const { fetch, sent } = fakeFetch(200, "{}", { "content-type": "application/json" });
    await httpInvoke({ fetch, connection: withoutConnectionCredentials })({
      ApiEndpoint: "https://x.test/f", Method: "POST", Authentication: { ConnectionArn: CONNECTION },
      RequestBody: { array: ["a", "b"], name: "x y" }, Transform: { RequestBodyEncoding: "URL_ENCODED", RequestEncodingOptions: { ArrayFormat: "BRACKETS" } },
    });
    assert.equal(sent[0]?.body, "array[]=a&array[]=b&name=x%20y");
    assert.equal(sent[0]?.headers["Content-Type"], "application/x-www-form-urlencoded");
  });

  test("a status outside 2xx is States.Http.StatusCode.<code>; a network failure States.Http.Socket (ASL-9)", async () => {
    const { fetch } = fakeFetch(404, '{"error":"missing"}', { "content-type": "application/json" }, "Not Found");
    await assert.rejects(httpInvoke({ fetch, connection: withoutConnectionCredentials })({ ApiEndpoint: "https://x.test/", Method: "GET", Authentication: { ConnectionArn: CONNECTION } }),
      failing("States.Http.StatusCode.404", /"StatusCode":404/));
    const broken: FetchLike = async () => {
      throw new TypeError("fetch failed");
    };
    await assert.rejects(httpInvoke({ fetch: broken, connection: withoutConnectionCredentials })({ ApiEndpoint: "https://x.test/", Method: "GET", Authentication: { ConnectionArn: CONNECTION } }),
      failing("States.Http.Socket", /fetch failed/));
  });

  test("a connection without a resolver, a bad method or URL are States.Runtime", async () => {
    const { fetch } = fakeFetch(200, "");
    await assert.rejects(httpInvoke({ fetch })({ ApiEndpoint: "https://x.test/", Method: "GET", Authentication: { ConnectionArn: CONNECTION } }), failing("States.Runtime", /connection resolver/));
    await assert.rejects(httpInvoke({ fetch, connection: staticConnections({}) })({ ApiEndpoint: "https://x.test/", Method: "GET", Authentication: { ConnectionArn: CONNECTION } }), failing("States.Runtime", /No credentials/));
    await assert.rejects(httpInvoke({ fetch })({ ApiEndpoint: "https://x.test/", Method: "TRACE" }), failing("States.Runtime", /Method/));
    await assert.rejects(httpInvoke({ fetch })({ ApiEndpoint: "not a url", Method: "GET" }), failing("States.Runtime", /ApiEndpoint/));
  });
});

describe("apigateway:invoke (connect-api-gateway)", () => {
  const ENDPOINT = "abcdefg123.execute-api.us-east-1.amazonaws.com";

  test("URL from ApiEndpoint, Stage and Path; multi-value query and headers; result with ResponseBody", async () => {
    const { fetch, sent } = fakeFetch(200, '{"greeting":"Hello World"}', { "content-type": "application/json", "apigw-requestid": "Q" }, "OK");
    const result = await apiGatewayInvoke({ fetch })(deepFreeze({
      ApiEndpoint: ENDPOINT, Method: "GET", Stage: "prod", Path: "/pets/1", QueryParameters: { q: ["x", "y"] }, Headers: { "X-Key": ["a", "b"] },
    }));
    assert.deepEqual(sent, [{ url: `https://${ENDPOINT}/prod/pets/1?q=x&q=y`, method: "GET", headers: { "X-Key": "a, b", Accept: "application/json" } }]);
    assert.deepEqual(result, { Headers: { "apigw-requestid": ["Q"], "content-type": ["application/json"] }, ResponseBody: { greeting: "Hello World" }, StatusCode: 200, StatusText: "OK" });
  });

  test("RequestBody as JSON without nulls unless AllowNullValues", async () => {
    const { fetch, sent } = fakeFetch(200, "{}");
    await apiGatewayInvoke({ fetch })({ ApiEndpoint: ENDPOINT, Method: "POST", Path: "items", RequestBody: { a: 1, b: null, c: [{ d: null }] } });
    assert.equal(sent[0]?.body, '{"a":1,"c":[{}]}');
    assert.equal(sent[0]?.headers["Content-Type"], "application/json");
    await apiGatewayInvoke({ fetch })({ ApiEndpoint: ENDPOINT, Method: "PUT", RequestBody: { b: null }, AllowNullValues: true });
    assert.equal(sent[1]?.body, '{"b":null}');
    await assert.rejects(apiGatewayInvoke({ fetch })({ ApiEndpoint: ENDPOINT, Method: "GET", RequestBody: {} }), failing("States.Runtime"));
  });

  test("IAM_ROLE requests are SigV4-signed for execute-api in the endpoint's region", async () => {
    const { fetch, sent } = fakeFetch(200, "{}");
    const regions: string[] = [];
    const signer = (region: string) => {
      regions.push(region);
      return new SignatureV4({ service: "execute-api", region, credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }, sha256: Sha256 });
    };
    await apiGatewayInvoke({ fetch, signer })({ ApiEndpoint: ENDPOINT, Method: "GET", Stage: "prod", Path: "pets", AuthType: "IAM_ROLE" });
    assert.deepEqual(regions, ["us-east-1"]);
    const headers = sent[0]?.headers ?? {};
    assert.match(headers["authorization"] ?? "", /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/execute-api\/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$/);
    assert.ok(headers["x-amz-date"]);
    assert.equal(headers["host"], undefined, "fetch sets Host itself");
  });

  test("signing without a signer, or for a host outside execute-api, is States.Runtime", async () => {
    const { fetch } = fakeFetch(200, "{}");
    await assert.rejects(apiGatewayInvoke({ fetch })({ ApiEndpoint: ENDPOINT, Method: "GET", AuthType: "RESOURCE_POLICY" }), failing("States.Runtime", /signer/));
    await assert.rejects(apiGatewayInvoke({ fetch, signer: () => ({ sign: async (r) => r }) })({ ApiEndpoint: "api.example.com", Method: "GET", AuthType: "IAM_ROLE" }), failing("States.Runtime", /execute-api/));
  });

  test("forbidden headers are refused", async () => {
    const { fetch } = fakeFetch(200, "{}");
    await assert.rejects(apiGatewayInvoke({ fetch })({ ApiEndpoint: ENDPOINT, Method: "GET", Headers: { Host: ["x"] } }), failing("States.Runtime", /Host/));
    await assert.rejects(apiGatewayInvoke({ fetch })({ ApiEndpoint: ENDPOINT, Method: "GET", Headers: { "X-Amz-Date": ["x"] } }), failing("States.Runtime", /X-Amz-Date/));
  });

  test("a status outside 2xx is ApiGateway.<status> with the body as cause; no status ApiGateway.SdkClientException", async () => {
    const { fetch } = fakeFetch(403, '{"message":"Forbidden"}', { "content-type": "application/json" });
    await assert.rejects(apiGatewayInvoke({ fetch })({ ApiEndpoint: ENDPOINT, Method: "GET" }), (e: unknown) => e instanceof StatesError && e.name === "ApiGateway.403" && e.message === '{"message":"Forbidden"}');
    const broken: FetchLike = async () => {
      throw new Error("getaddrinfo ENOTFOUND");
    };
    await assert.rejects(apiGatewayInvoke({ fetch: broken })({ ApiEndpoint: ENDPOINT, Method: "GET" }), failing("ApiGateway.SdkClientException", /ENOTFOUND/));
  });
});

describe("URL-encoded bodies (call-https-apis, Transform)", () => {
  const body = { array: ["a", "b", "c"], n: 1, o: { k: "v" }, e: null };
  test("each ArrayFormat, INDICES by default", () => {
    assert.equal(urlEncodeBody(body), "array[0]=a&array[1]=b&array[2]=c&n=1&o[k]=v&e=");
    assert.equal(urlEncodeBody(body, "BRACKETS"), "array[]=a&array[]=b&array[]=c&n=1&o[k]=v&e=");
    assert.equal(urlEncodeBody(body, "REPEAT"), "array=a&array=b&array=c&n=1&o[k]=v&e=");
    assert.equal(urlEncodeBody(body, "COMMAS"), "array=a,b,c&n=1&o[k]=v&e=");
  });
  test("keys and values are percent-encoded", () => {
    assert.equal(urlEncodeBody({ "a&b": "c=d é" }), "a%26b=c%3Dd%20%C3%A9");
  });
});
