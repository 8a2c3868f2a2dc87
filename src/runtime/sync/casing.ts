import { isJsonObject } from "../json.js";
import type { Json } from "../types.js";

/**
 * How the AWS SDK for JavaScript v3 client of a service names the members of its shapes: Glue, Athena, SageMaker,
 * EMR, DataBrew and MediaConvert use PascalCase (`JobRun.JobRunState`), Step Functions, Batch, ECS, CodeBuild, EKS,
 * EMR on EKS, EMR Serverless and Bedrock use camelCase (`jobs[0].status`), as their models do.
 */
export type MemberCase = "pascal" | "camel";

/**
 * Step Functions' optimised integrations take parameters and return results with every structure member in PascalCase,
 * whatever the service's own casing ("Parameters in Step Functions are expressed in PascalCase", connect-batch and
 * every connect-* page of the developer guide; the ECS runTask.sync result recorded against AWS is PascalCase down to
 * `EphemeralStorage.SizeInGiB` and `Containers[].NetworkInterfaces[].PrivateIpv4Address`, LocalStack
 * tests/aws/services/stepfunctions/v2/services/test_ecs_task_service.snapshot.json, recorded 2024-02-23).
 *
 * Maps are not structures: their keys are user data (Batch `parameters` and `tags`, Bedrock `hyperParameters`) and keep
 * their spelling, while their values are converted. `maps` names those members, spelled as the SDK spells them: `name`
 * is a map wherever it occurs, `/name` only as a member of the value converted itself (Bedrock's top-level
 * `hyperParameters` is a map, `customizationConfig.rftConfig.hyperParameters` a structure). test/sync/models.test.ts
 * checks the lists against the installed SDK models.
 */
export function toSfnCase(value: Json, memberCase: MemberCase, maps: ReadonlySet<string>): Json {
  return memberCase === "pascal" ? value : recase(value, capitalise, (key) => uncapitalise(key), maps);
}

/** Step Functions' PascalCase parameters → the SDK's member names (see `toSfnCase`). */
export function toSdkCase(value: Json, memberCase: MemberCase, maps: ReadonlySet<string>): Json {
  return memberCase === "pascal" ? value : recase(value, uncapitalise, uncapitalise, maps);
}

function recase(value: Json, rename: (key: string) => string, sdkName: (key: string) => string, maps: ReadonlySet<string>, depth = 0): Json {
  if (Array.isArray(value)) return value.map((item) => recase(item, rename, sdkName, maps, depth));
  if (!isJsonObject(value)) return value;
  const isMap = (key: string): boolean => maps.has(key) || (depth === 0 && maps.has(`/${key}`));
  // Object.fromEntries defines own properties, so a member named "__proto__" stays a member.
  return Object.fromEntries(
    Object.entries(value as Record<string, Json>).map(([key, member]): [string, Json] => [
      rename(key),
      isMap(sdkName(key)) ? recaseMapValues(member, rename, sdkName, maps, depth + 1) : recase(member, rename, sdkName, maps, depth + 1),
    ]),
  );
}

function recaseMapValues(value: Json, rename: (key: string) => string, sdkName: (key: string) => string, maps: ReadonlySet<string>, depth: number): Json {
  if (!isJsonObject(value)) return recase(value, rename, sdkName, maps, depth);
  return Object.fromEntries(Object.entries(value as Record<string, Json>).map(([key, entry]): [string, Json] => [key, recase(entry, rename, sdkName, maps, depth + 1)]));
}

function capitalise(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

function uncapitalise(key: string): string {
  return key.charAt(0).toLowerCase() + key.slice(1);
}

/**
 * What an AWS SDK v3 call returned, as JSON that a durable step can checkpoint and that replays read back unchanged:
 * the response `$metadata` is dropped, a Date becomes its epoch milliseconds (Step Functions serialises timestamps as
 * numbers; its EventBridge events carry `startDate: 1700000000000`), bytes become base64 text, undefined members are
 * left out and bigints become numbers. Call it inside the step that made the call.
 */
export function fromSdk(value: unknown): Json {
  return toJson(value, true) ?? null;
}

function toJson(value: unknown, top: boolean): Json | undefined {
  if (value === null) return null;
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value : null;
    case "bigint":
      return Number(value);
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
  }
  if (value instanceof Date) return value.getTime();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map((item: unknown) => toJson(item, false) ?? null);
  const entries: Array<[string, Json]> = [];
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    if (top && key === "$metadata") continue;
    const converted = toJson(member, false);
    if (converted !== undefined) entries.push([key, converted]);
  }
  return Object.fromEntries(entries);
}
