import { data } from "@remix-run/node";

const FORM_TYPES = new Set(["application/x-www-form-urlencoded", "multipart/form-data"]);

export function badRequest(message: string): never {
  throw data({ message }, { status: 400 });
}

/**
 * Refuses with 400 a body no form of this app sends: JSON, plain text, a multipart body
 * without its boundary. Every action reads its body through here or `readForm`, so a
 * script posting the wrong thing gets a clear answer instead of a server error.
 */
export function requireFormBody(request: Request) {
  const contentType = request.headers.get("Content-Type") ?? "";
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (!FORM_TYPES.has(type)) badRequest("This address accepts only a form.");
  if (type === "multipart/form-data" && !/;\s*boundary=/i.test(contentType)) badRequest("This form could not be read.");
}

/** The submitted form, or a 400 when the body is not a form or cannot be read as one. */
export async function readForm(request: Request): Promise<FormData> {
  requireFormBody(request);
  try {
    return await request.formData();
  } catch {
    badRequest("This form could not be read.");
  }
}
