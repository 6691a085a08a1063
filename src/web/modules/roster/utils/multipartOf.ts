/**
 * Files as one multipart/form-data body (RFC 7578), its boundary in the Blob's type. The boundary
 * is lower-case because a Blob lower-cases its type; the file names go as UTF-8, as browsers send them.
 */
export function multipartOf(files: readonly File[]): Blob {
  const boundary = `----bangfu${crypto.randomUUID().replace(/-/g, "")}`;
  const parts: (string | Blob)[] = [];
  files.forEach((file, index) => {
    const name = file.name.replace(/[\r\n"]/g, "_");
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="file${index + 1}"; filename="${name}"\r\n` +
        "Content-Type: application/octet-stream\r\n\r\n",
      file,
      "\r\n",
    );
  });
  parts.push(`--${boundary}--\r\n`);
  return new Blob(parts, { type: `multipart/form-data; boundary=${boundary}` });
}
