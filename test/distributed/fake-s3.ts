import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { StatesError } from "../../src/runtime/errors.js";
import type { S3Access, S3Extra, S3ListPage, S3Writer } from "../../src/runtime/distributed/index.js";

/** An S3 error as the AWS SDK throws it (name + message). */
export class FakeS3Error extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

interface StoredObject {
  body: Uint8Array;
  lastModified: Date;
}

/**
 * In-memory S3: objects by bucket and key, ListObjectsV2 in key order with `pageSize` keys a page, every request
 * recorded. Missing objects and buckets throw `NoSuchKey` / `NoSuchBucket` as S3 does.
 */
export class FakeS3 implements S3Access, S3Writer {
  readonly objects = new Map<string, StoredObject>();
  readonly gets: Array<{
    bucket: string;
    key: string;
    extra: S3Extra | undefined;
  }> = [];
  readonly lists: Array<{
    bucket: string;
    prefix: string | undefined;
    token: string | undefined;
  }> = [];
  readonly puts: Array<{ bucket: string; key: string; body: string }> = [];
  failPuts = false;

  constructor(readonly pageSize = 1000) {}

  put(bucket: string, key: string, body: string | Uint8Array, lastModified = new Date("2022-11-17T15:44:41Z")): this {
    this.objects.set(`${bucket}/${key}`, {
      body: typeof body === "string" ? new TextEncoder().encode(body) : body,
      lastModified,
    });
    return this;
  }

  putGzip(bucket: string, key: string, text: string): this {
    return this.put(bucket, key, new Uint8Array(gzipSync(text)));
  }

  text(bucket: string, key: string): string {
    const object = this.objects.get(`${bucket}/${key}`);
    if (object === undefined) throw new Error(`no object ${bucket}/${key}`);
    return new TextDecoder().decode(object.body);
  }

  async getObject(bucket: string, key: string, extra?: S3Extra): Promise<Uint8Array> {
    this.gets.push({ bucket, key, extra });
    const object = this.objects.get(`${bucket}/${key}`);
    if (object === undefined) throw new FakeS3Error("NoSuchKey", "The specified key does not exist.");
    return object.body;
  }

  async listObjects(bucket: string, prefix: string | undefined, continuationToken?: string): Promise<S3ListPage> {
    this.lists.push({ bucket, prefix, token: continuationToken });
    const keys = [...this.objects.keys()]
      .filter((id) => id.startsWith(`${bucket}/`))
      .map((id) => id.slice(bucket.length + 1))
      .filter((key) => prefix === undefined || key.startsWith(prefix))
      .sort();
    if (keys.length === 0 && ![...this.objects.keys()].some((id) => id.startsWith(`${bucket}/`))) {
      throw new FakeS3Error("NoSuchBucket", "The specified bucket does not exist");
    }
    const start = continuationToken === undefined ? 0 : Number(continuationToken);
    const pageKeys = keys.slice(start, start + this.pageSize);
    const contents = pageKeys.map((key) => {
      const object = this.objects.get(`${bucket}/${key}`) as StoredObject;
      return {
        Key: key,
        Size: object.body.length,
        ETag: `"etag-${key}"`,
        LastModified: object.lastModified,
        StorageClass: "STANDARD",
      };
    });
    const next = start + this.pageSize;
    return next < keys.length ? { contents, nextContinuationToken: String(next) } : { contents };
  }

  async putObject(bucket: string, key: string, body: string): Promise<void> {
    if (this.failPuts) throw new FakeS3Error("AccessDenied", "Access Denied");
    this.puts.push({ bucket, key, body });
    this.put(bucket, key, body);
  }
}

/** Await a promise that must reject with a StatesError named `name` (and a cause containing `causePart`). */
export async function rejectsStates(promise: Promise<unknown>, name: string, causePart?: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof StatesError, `expected a StatesError, got ${String(error)}`);
    assert.equal(error.name, name);
    if (causePart !== undefined) assert.ok(error.message.includes(causePart), `cause ${JSON.stringify(error.message)} lacks ${JSON.stringify(causePart)}`);
    return true;
  });
}
