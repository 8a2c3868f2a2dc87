/**
 * ARNs of the resources a Task names, built from the values written in the definition. Formats: the "Actions,
 * resources, and condition keys" pages of the AWS Service Authorization Reference for each service.
 */

/** The partition, region and account of ARNs the definition does not spell out (`*` when unknown). */
export interface ArnContext {
  partition: string;
  region: string;
  account: string;
}

const ARN = /^arn:([^:]+):([^:]+):([^:]*):([^:]*):(.+)$/;

export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

export function parseArn(text: string): ParsedArn | undefined {
  const m = ARN.exec(text);
  if (m === null) return undefined;
  const [, partition, service, region, account, resource] = m as unknown as [string, string, string, string, string, string];
  return { partition, service, region, account, resource };
}

/**
 * A Lambda function, from a name, a partial ARN (`123456789012:function:name`) or an ARN, each optionally qualified
 * (`:alias` or `:version`); `qualifier` (the Invoke `Qualifier` parameter) qualifies it further.
 */
export function lambdaArn(text: string, ctx: ArnContext, qualifier?: string): string {
  let base: string;
  if (parseArn(text) !== undefined || isArnPlaceholder(text)) base = text;
  else {
    const partial = /^(\d{12}):function:(.+)$/.exec(text);
    base = partial !== null ? `arn:${ctx.partition}:lambda:${ctx.region}:${partial[1]}:function:${partial[2]}` : `arn:${ctx.partition}:lambda:${ctx.region}:${ctx.account}:function:${text}`;
  }
  return qualifier !== undefined && !/:function:[^:]+:[^:]+$/.test(base) ? `${base}:${qualifier}` : base;
}

/** The unqualified form of a Lambda function ARN. */
export function unqualifiedLambdaArn(arn: string): string {
  return arn.replace(/(:function:[^:]+):[^:]+$/, "$1");
}

export function dynamoTableArn(name: string, ctx: ArnContext): string {
  return name.startsWith("arn:") || isArnPlaceholder(name) ? name : `arn:${ctx.partition}:dynamodb:${ctx.region}:${ctx.account}:table/${name}`;
}

/**
 * An SQS queue URL as the queue's ARN: `https://sqs.<region>.amazonaws.com/<account>/<name>` and the legacy
 * `https://queue.amazonaws.com/…` and `https://<region>.queue.amazonaws.com/…` forms; undefined for anything else.
 */
export function sqsQueueArn(url: string, ctx: ArnContext): string | undefined {
  const m = /^https?:\/\/(?:sqs\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?|(?:([a-z0-9-]+)\.)?queue\.amazonaws\.com(?:\.cn)?)\/(\d{12}|\$\{[^}]+\})\/([^/?#]+)\/?$/.exec(url);
  if (m === null) return undefined;
  const region = m[1] ?? m[2] ?? ctx.region;
  return `arn:${ctx.partition}:sqs:${region}:${m[3] as string}:${m[4] as string}`;
}

export function eventBusArn(name: string | undefined, ctx: ArnContext): string {
  if (name !== undefined && name.startsWith("arn:")) return name;
  return `arn:${ctx.partition}:events:${ctx.region}:${ctx.account}:event-bus/${name ?? "default"}`;
}

/** The executions of a state machine (`…:execution:<name>:*`), for DescribeExecution. */
export function executionsArn(stateMachineArn: string, ctx: ArnContext): string {
  const arn = parseArn(stateMachineArn);
  const name = arn?.resource.replace(/^stateMachine:/, "").replace(/:.*$/, "") ?? "*";
  return `arn:${arn?.partition ?? ctx.partition}:states:${arn?.region ?? ctx.region}:${arn?.account ?? ctx.account}:execution:${name}:*`;
}

export function s3BucketArn(bucket: string, ctx: ArnContext): string {
  return `arn:${ctx.partition}:s3:::${bucket}`;
}

export function s3ObjectArn(bucket: string, key: string, ctx: ArnContext): string {
  return `arn:${ctx.partition}:s3:::${bucket}/${key}`;
}

/** An `s3://bucket/prefix` location: the bucket and the key prefix. */
export function s3Location(url: string): { bucket: string; prefix: string } | undefined {
  const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  return m === null ? undefined : { bucket: m[1] as string, prefix: m[2] as string };
}

/** A resource of `service` named `type/name` (Batch job queues, Glue jobs, CodeBuild projects…), unless already an ARN. */
export function namedArn(service: string, type: string, name: string, ctx: ArnContext, separator = "/"): string {
  return name.startsWith("arn:") || isArnPlaceholder(name) ? name : `arn:${ctx.partition}:${service}:${ctx.region}:${ctx.account}:${type}${separator}${name}`;
}

/**
 * A whole value that is one deploy-time placeholder named as an ARN (`${JobDefinitionArn}`, `${ThumbnailFunction.Arn}`
 * from a `!GetAtt …Arn`): it will be an ARN, so it is the resource itself, not a name to build one from.
 */
export function isArnPlaceholder(value: string): boolean {
  return /^\$\{[^}]*arn\}$/i.test(value);
}
