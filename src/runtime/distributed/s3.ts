/**
 * The small slice of Amazon S3 a Distributed Map needs (ASL-6.8): GetObject and ListObjectsV2 for the ItemReader,
 * PutObject for the ResultWriter. The runtime never imports `@aws-sdk/client-s3`; generated code passes its client and
 * command classes to `s3Access` / `s3Writer`, and tests pass an in-memory fake.
 */
import type { Json } from "../types.js";

/** One object of a ListObjectsV2 page, named as the AWS SDK names the fields. */
export interface S3ObjectSummary {
  Key: string;
  Size?: number;
  ETag?: string;
  LastModified?: Date | string | number;
  StorageClass?: string;
}

export interface S3ListPage {
  contents: S3ObjectSummary[];
  /** Present while there are more pages. */
  nextContinuationToken?: string;
}

/** Extra request fields (VersionId, ExpectedBucketOwner, StartAfter, …) copied from the evaluated ItemReader arguments. */
export type S3Extra = Readonly<Record<string, Json>>;

export interface S3Access {
  /** The object's bytes (the reader decompresses and decodes them). */
  getObject(bucket: string, key: string, extra?: S3Extra): Promise<Uint8Array>;
  listObjects(bucket: string, prefix: string | undefined, continuationToken?: string, extra?: S3Extra): Promise<S3ListPage>;
}

export interface S3Writer {
  putObject(bucket: string, key: string, body: string): Promise<void>;
}

/** What `send` needs: the AWS SDK v3 client's `send` (an `S3Client`), or anything shaped like it. */
export interface S3ClientLike {
  send(command: unknown): Promise<unknown>;
}

/** Inputs the adapters build; the SDK's `GetObjectCommandInput` etc. are supersets. */
export interface GetObjectInput {
  Bucket?: string;
  Key?: string;
}
export interface ListObjectsV2Input {
  Bucket?: string;
  Prefix?: string;
  ContinuationToken?: string;
}
export interface PutObjectInput {
  Bucket?: string;
  Key?: string;
  Body?: unknown;
  ContentType?: string;
}

interface GetObjectOutputLike {
  Body?: { transformToByteArray(): Promise<Uint8Array> };
}
interface ListObjectsV2OutputLike {
  Contents?: Array<{
    Key?: string;
    Size?: number;
    ETag?: string;
    LastModified?: Date;
    StorageClass?: string;
  }>;
  NextContinuationToken?: string;
  IsTruncated?: boolean;
}

/** Adapt an `@aws-sdk/client-s3` client: `s3Access(new S3Client({}), { GetObjectCommand, ListObjectsV2Command })`. */
export function s3Access<G extends GetObjectInput, L extends ListObjectsV2Input>(
  client: S3ClientLike,
  commands: {
    GetObjectCommand: new (input: G) => unknown;
    ListObjectsV2Command: new (input: L) => unknown;
  },
): S3Access {
  return {
    async getObject(bucket, key, extra) {
      const output = (await client.send(
        new commands.GetObjectCommand({
          ...extra,
          Bucket: bucket,
          Key: key,
        } as GetObjectInput as G),
      )) as GetObjectOutputLike;
      if (output.Body === undefined) return new Uint8Array();
      return output.Body.transformToByteArray();
    },
    async listObjects(bucket, prefix, continuationToken, extra) {
      const input: ListObjectsV2Input = { ...extra, Bucket: bucket };
      if (prefix !== undefined) input.Prefix = prefix;
      if (continuationToken !== undefined) input.ContinuationToken = continuationToken;
      const output = (await client.send(new commands.ListObjectsV2Command(input as L))) as ListObjectsV2OutputLike;
      const contents = (output.Contents ?? []).map((o): S3ObjectSummary => {
        const summary: S3ObjectSummary = { Key: o.Key ?? "" };
        if (o.Size !== undefined) summary.Size = o.Size;
        if (o.ETag !== undefined) summary.ETag = o.ETag;
        if (o.LastModified !== undefined) summary.LastModified = o.LastModified;
        if (o.StorageClass !== undefined) summary.StorageClass = o.StorageClass;
        return summary;
      });
      return output.IsTruncated && output.NextContinuationToken ? { contents, nextContinuationToken: output.NextContinuationToken } : { contents };
    },
  };
}

/** Adapt an `@aws-sdk/client-s3` client for the ResultWriter: `s3Writer(client, { PutObjectCommand })`. */
export function s3Writer<P extends PutObjectInput>(client: S3ClientLike, commands: { PutObjectCommand: new (input: P) => unknown }): S3Writer {
  return {
    async putObject(bucket, key, body) {
      const input: PutObjectInput = {
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentType: "application/json",
      };
      await client.send(new commands.PutObjectCommand(input as P));
    },
  };
}
