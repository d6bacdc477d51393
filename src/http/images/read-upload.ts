/**
 * Reading one uploaded file from a multipart/form-data body (the dashboard API and pages alike).
 * The body was already cut off past MAX_UPLOAD_BODY_BYTES while streaming (body-limit.ts); the
 * file itself may hold MAX_UPLOAD_BYTES. What it holds is the image processor's to judge.
 */
import type { Context } from 'hono';
import { MAX_UPLOAD_BYTES } from '../../app/images/image-processor.ts';
import type { ErrorCode } from '../../app/result.ts';

export type Upload =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | {
      readonly ok: false;
      readonly code: ErrorCode;
      readonly message: string;
      readonly fields?: Record<string, string>;
    };

export const uploadTooLargeMessage = `An image may be at most ${MAX_UPLOAD_BYTES / (1024 * 1024)} MB.`;

const uploadTooLarge = (): Upload => ({ ok: false, code: 'PAYLOAD_TOO_LARGE', message: uploadTooLargeMessage });

export async function readUpload(c: Context, field: string): Promise<Upload> {
  const type = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    return {
      ok: false,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: `Send the ${field} as multipart/form-data, in a field named "${field}".`,
    };
  }
  // A malformed multipart body parses as nothing: the missing-file answer below, never a 500.
  const form = await c.req.parseBody().catch(() => null);
  const file = form?.[field];
  if (!(file instanceof File)) {
    return {
      ok: false,
      code: 'VALIDATION_FAILED',
      message: `No file in the "${field}" field.`,
      fields: { [field]: 'required: a file' },
    };
  }
  if (file.size > MAX_UPLOAD_BYTES) return uploadTooLarge();
  return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()) };
}
