import type { Json } from "../types.js";

/**
 * URL encoding of an HTTP Task's RequestBody (`Transform.RequestBodyEncoding: "URL_ENCODED"`), developer guide "Call
 * HTTPS APIs in Step Functions workflows" (call-https-apis, checked 2026-11): `RequestEncodingOptions.ArrayFormat`
 * chooses how arrays are written, INDICES by default:
 * - INDICES `array[0]=a&array[1]=b`, BRACKETS `array[]=a&array[]=b`, REPEAT `array=a&array=b`, COMMAS `array=a,b`.
 * Nested objects are written `parent[child]=value`. Keys and values are percent-encoded; the brackets are written as
 * they are [choice: the guide shows them unencoded]. null is written as an empty value [choice].
 */
export type ArrayFormat = "INDICES" | "BRACKETS" | "REPEAT" | "COMMAS";

export const ARRAY_FORMATS: readonly ArrayFormat[] = ["INDICES", "BRACKETS", "REPEAT", "COMMAS"];

export function urlEncodeBody(body: { [key: string]: Json }, arrayFormat: ArrayFormat = "INDICES"): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(body)) encodeValue(encodeURIComponent(key), value, arrayFormat, pairs);
  return pairs.join("&");
}

function encodeValue(key: string, value: Json, arrayFormat: ArrayFormat, pairs: string[]): void {
  if (Array.isArray(value)) {
    if (arrayFormat === "COMMAS" && value.every((v) => v === null || typeof v !== "object")) {
      pairs.push(`${key}=${value.map((v) => encodeURIComponent(scalar(v))).join(",")}`);
      return;
    }
    value.forEach((item, i) => {
      const itemKey = arrayFormat === "INDICES" ? `${key}[${i}]` : arrayFormat === "REPEAT" || arrayFormat === "COMMAS" ? key : `${key}[]`;
      encodeValue(itemKey, item, arrayFormat, pairs);
    });
    return;
  }
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) encodeValue(`${key}[${encodeURIComponent(k)}]`, v, arrayFormat, pairs);
    return;
  }
  pairs.push(`${key}=${encodeURIComponent(scalar(value))}`);
}

function scalar(value: Json): string {
  if (value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}
