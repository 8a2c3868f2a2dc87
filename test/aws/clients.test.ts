import { beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mockClient } from "aws-sdk-client-mock";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { SFNClient } from "@aws-sdk/client-sfn";
import { ClientCache, REFRESH_MARGIN_MS, ROLE_SESSION_NAME, assumeRoleCredentials, configureClients, defaultClientCache } from "../../src/runtime/aws/clients.js";
import { awsSdk } from "../../src/runtime/aws/sdk.js";
import { StatesError } from "../../src/runtime/errors.js";

const sts = mockClient(STSClient);
const s3 = mockClient(S3Client);
beforeEach(() => {
  sts.reset();
  s3.reset();
});

const ROLE = "arn:aws:iam::111111111111:role/cross-account";
const HOUR = 60 * 60 * 1000;
function stsReturns(expiresAt: number, key = "AKIA1"): void {
  sts.on(AssumeRoleCommand).resolves({ Credentials: { AccessKeyId: key, SecretAccessKey: "secret", SessionToken: "token", Expiration: new Date(expiresAt) } });
}

describe("ClientCache", () => {
  test("one client per client class, reused", () => {
    const cache = new ClientCache({ clientConfig: { region: "eu-west-1" } });
    const a = cache.client(S3Client);
    assert.ok(a instanceof S3Client);
    assert.equal(cache.client(S3Client), a);
    assert.notEqual(cache.client(SFNClient), a);
  });

  test("Credentials.RoleArn (ASL-6.2): a separate client per role, with that role's credentials from STS", async () => {
    stsReturns(HOUR);
    const cache = new ClientCache({ assumeRole: { Sts: STSClient, AssumeRole: AssumeRoleCommand }, now: () => 0 });
    const plain = cache.client(S3Client);
    const asRole = cache.client(S3Client, ROLE);
    assert.notEqual(asRole, plain);
    assert.equal(cache.client(S3Client, ROLE), asRole);
    const creds = await cache.credentials(ROLE)();
    assert.deepEqual(creds, { accessKeyId: "AKIA1", secretAccessKey: "secret", sessionToken: "token", expiration: new Date(HOUR) });
    assert.deepEqual(sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input, { RoleArn: ROLE, RoleSessionName: ROLE_SESSION_NAME });
  });

  test("credentials are cached until shortly before they expire, and shared by client classes", async () => {
    let clock = 0;
    stsReturns(HOUR, "AKIA1");
    const cache = new ClientCache({ assumeRole: { Sts: STSClient, AssumeRole: AssumeRoleCommand }, now: () => clock });
    const provider = cache.credentials(ROLE);
    assert.equal((await provider()).accessKeyId, "AKIA1");
    clock = HOUR - REFRESH_MARGIN_MS - 1;
    assert.equal((await cache.credentials(ROLE)()).accessKeyId, "AKIA1");
    assert.equal(sts.commandCalls(AssumeRoleCommand).length, 1);
    stsReturns(2 * HOUR, "AKIA2");
    clock = HOUR - REFRESH_MARGIN_MS;
    assert.equal((await provider()).accessKeyId, "AKIA2");
    assert.equal(sts.commandCalls(AssumeRoleCommand).length, 2);
  });

  test("concurrent first calls share one AssumeRole", async () => {
    stsReturns(HOUR);
    const provider = assumeRoleCredentials(ROLE, new STSClient({}), AssumeRoleCommand, () => 0);
    const [a, b] = await Promise.all([provider(), provider()]);
    assert.equal(a, b);
    assert.equal(sts.commandCalls(AssumeRoleCommand).length, 1);
  });

  test("a role without the STS classes configured is a States.Runtime error", () => {
    const cache = new ClientCache();
    assert.throws(() => cache.client(S3Client, ROLE), (e: unknown) => e instanceof StatesError && e.name === "States.Runtime" && /STS/.test(e.message));
  });

  test("a role that cannot be assumed fails the task (States.TaskFailed), naming the role", async () => {
    sts.on(AssumeRoleCommand).rejects(new Error("User is not authorized to perform: sts:AssumeRole"));
    const provider = assumeRoleCredentials(ROLE, new STSClient({}), AssumeRoleCommand, () => 0);
    await assert.rejects(provider(), (e: unknown) => e instanceof StatesError && e.name === "States.TaskFailed" && e.message.includes(ROLE) && e.message.includes("sts:AssumeRole"));
  });

  test("the task is sent with the role's client", async () => {
    stsReturns(HOUR);
    s3.on(GetObjectCommand).resolves({ ETag: '"e"' });
    const cache = new ClientCache({ assumeRole: { Sts: STSClient, AssumeRole: AssumeRoleCommand } });
    const call = awsSdk(S3Client, GetObjectCommand, { errorPrefix: "S3", clients: cache });
    assert.deepEqual(await call({ Bucket: "b", Key: "k" }, { roleArn: ROLE }), { ETag: '"e"' });
    assert.equal(s3.send.getCall(0).thisValue, cache.client(S3Client, ROLE));
  });

  test("configureClients replaces the shared cache", () => {
    const before = defaultClientCache();
    const after = configureClients({ clientConfig: { region: "us-west-2" } });
    assert.notEqual(after, before);
    assert.equal(defaultClientCache(), after);
  });
});
