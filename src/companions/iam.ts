import type { MachineIR } from "../ir/types.js";
import type { ArnContext } from "./iam/arns.js";
import { credentialsRole, mapRequirement, taskRequirement, type Grant, type GrantContext, type Requirement } from "./iam/grants.js";
import { allStates } from "./walk.js";

/**
 * Least-privilege IAM for a migrated state machine: the policy of the durable function's execution role, derived from
 * the Task resources (and Distributed Map readers and writers) of the definition, plus what every durable function
 * needs — the checkpoint API (`lambda:CheckpointDurableExecution`, `lambda:GetDurableExecutionState` on the function's
 * versions, AWS Lambda developer guide "Security and permissions for Lambda durable functions") and CloudWatch Logs
 * (the `AWSLambdaBasicExecutionRole` actions, scoped to the function's log group).
 *
 * Deterministic: statements are merged (actions that share the same resources and condition form one statement), and
 * actions, resources and statements are sorted.
 */
export interface PolicyStatement {
  Sid: string;
  Effect: "Allow";
  Action: string[];
  Resource: string[];
  Condition?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: PolicyStatement[];
}

export interface PolicyOptions {
  /** Region of ARNs the definition does not spell out (default `*`). */
  region?: string;
  /** Account of ARNs the definition does not spell out (default `*`). */
  account?: string;
  /** Partition (default `aws`). */
  partition?: string;
  /** The durable function's name, for its checkpoint and log permissions (default `*`). */
  functionName?: string;
  /** Values of `${Name}` placeholders in the definition (deploy-time substitutions). */
  substitutions?: Readonly<Record<string, string>>;
}

export interface PolicyNote {
  /** The state the note is about; absent for the function's own permissions. */
  state?: string;
  message: string;
}

/** What a role the machine assumes (Task `Credentials.RoleArn`) must allow: those calls are made with its credentials. */
export interface AssumedRolePolicy {
  /** The role ARN, or `*` when the definition reads it at run time. */
  roleArn: string;
  states: string[];
  policy: PolicyDocument;
}

export interface PolicyReport {
  policy: PolicyDocument;
  assumedRoles: AssumedRolePolicy[];
  /** Wildcards and placeholders a human should look at. */
  notes: PolicyNote[];
}

/** The execution role's policy document. */
export function leastPrivilegePolicy(machine: MachineIR, options: PolicyOptions = {}): PolicyDocument {
  return policyReport(machine, options).policy;
}

/** The execution role's policy, the policies of roles the machine assumes, and notes on every wildcard. */
export function policyReport(machine: MachineIR, options: PolicyOptions = {}): PolicyReport {
  const arn: ArnContext = { partition: options.partition ?? "aws", region: options.region ?? "*", account: options.account ?? "*" };
  // Known pseudo parameters fill `${AWS::Region}`-style placeholders of the definition (CloudFormation's Fn::Sub names).
  const pseudo: Record<string, string> = { "AWS::Partition": arn.partition };
  if (arn.region !== "*") pseudo["AWS::Region"] = arn.region;
  if (arn.account !== "*") pseudo["AWS::AccountId"] = arn.account;
  const ctx: GrantContext = { arn, substitutions: { ...pseudo, ...options.substitutions } };
  const fn = options.functionName ?? "*";
  const own: Grant[] = [
    ...["lambda:CheckpointDurableExecution", "lambda:GetDurableExecutionState"].map((action) => ({ action, resource: `arn:${arn.partition}:lambda:${arn.region}:${arn.account}:function:${fn}:*` })),
    { action: "logs:CreateLogGroup", resource: `arn:${arn.partition}:logs:${arn.region}:${arn.account}:*` },
    ...["logs:CreateLogStream", "logs:PutLogEvents"].map((action) => ({ action, resource: `arn:${arn.partition}:logs:${arn.region}:${arn.account}:log-group:/aws/lambda/${fn}:*` })),
  ];
  const notes: PolicyNote[] = fn === "*" ? [{ message: "the function's name is not known: its checkpoint and log permissions cover every function; pass functionName" }] : [];
  const roles = new Map<string, { states: string[]; grants: Grant[] }>();
  for (const { state } of allStates(machine)) {
    let requirement: Requirement;
    if (state.kind === "task") requirement = taskRequirement(state, ctx);
    else if (state.kind === "map") requirement = mapRequirement(state, ctx);
    else continue;
    notes.push(...requirement.notes.map((message) => ({ state: state.origin.name, message })));
    const credentials = credentialsRole(state, ctx);
    if (credentials === undefined) {
      own.push(...requirement.grants);
      continue;
    }
    const roleArn = credentials.roleArn ?? `arn:${arn.partition}:iam::${arn.account}:role/*`;
    own.push({ action: "sts:AssumeRole", resource: roleArn });
    if (credentials.roleArn === undefined) notes.push({ state: state.origin.name, message: "Credentials.RoleArn is read at run time: sts:AssumeRole is granted on every role of the account; narrow it by hand" });
    const key = credentials.roleArn ?? "*";
    const entry = roles.get(key) ?? { states: [], grants: [] };
    entry.states.push(state.origin.name);
    entry.grants.push(...requirement.grants);
    roles.set(key, entry);
  }
  const assumedRoles = [...roles.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([roleArn, entry]) => ({ roleArn, states: [...entry.states].sort(compare), policy: policyOf(entry.grants) }));
  return { policy: policyOf(own), assumedRoles, notes: dedupeNotes(notes) };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function dedupeNotes(notes: readonly PolicyNote[]): PolicyNote[] {
  const seen = new Set<string>();
  return notes.filter((n) => {
    const key = `${n.state ?? ""}\u0000${n.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Merge grants into statements: per action and condition the set of resources (`*` absorbs the rest), then actions
 * with the same resources and condition share a statement.
 */
export function policyOf(grants: readonly Grant[]): PolicyDocument {
  const byAction = new Map<string, { action: string; condition: Grant["condition"]; resources: Set<string> }>();
  for (const grant of grants) {
    const key = `${grant.action}\u0000${JSON.stringify(grant.condition ?? null)}`;
    const entry = byAction.get(key) ?? { action: grant.action, condition: grant.condition, resources: new Set<string>() };
    entry.resources.add(grant.resource);
    byAction.set(key, entry);
  }
  const groups = new Map<string, { actions: string[]; resources: string[]; condition: Grant["condition"] }>();
  for (const entry of byAction.values()) {
    const resources = entry.resources.has("*") ? ["*"] : [...entry.resources].sort(compare);
    const key = `${JSON.stringify(resources)}\u0000${JSON.stringify(entry.condition ?? null)}`;
    const group = groups.get(key) ?? { actions: [], resources, condition: entry.condition };
    group.actions.push(entry.action);
    groups.set(key, group);
  }
  const statements = [...groups.values()].map((g) => ({ ...g, actions: [...new Set(g.actions)].sort(compare) }));
  statements.sort((a, b) => compare(a.actions[0] as string, b.actions[0] as string) || compare(JSON.stringify(a.resources), JSON.stringify(b.resources)));
  const used = new Map<string, number>();
  return {
    Version: "2012-10-17",
    Statement: statements.map((s) => {
      const base = sidOf(s.actions);
      const n = (used.get(base) ?? 0) + 1;
      used.set(base, n);
      const statement: PolicyStatement = { Sid: n === 1 ? base : `${base}${n}`, Effect: "Allow", Action: s.actions, Resource: s.resources };
      if (s.condition !== undefined) statement.Condition = s.condition;
      return statement;
    }),
  };
}

/** A statement id from its first action: `dynamodb:PutItem` → `DynamodbPutItem` (Sid allows [A-Za-z0-9] only). */
function sidOf(actions: readonly string[]): string {
  const [service = "", name = ""] = (actions[0] ?? "").split(":");
  const words = `${service} ${name}`.replace(/[^A-Za-z0-9]+/g, " ").trim().split(" ");
  return words.map((w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`).join("") || "Statement";
}
