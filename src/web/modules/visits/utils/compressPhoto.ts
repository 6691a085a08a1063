import { VISIT_PHOTO_MAX_BYTES } from "../../../../shared/visit-codes.js";

/** A photo made small on the phone: JPEG, longest side at most 1280 px, under the server's limit. */
export async function compressPhoto(file: File): Promise<{ mediaType: "image/jpeg"; dataBase64: string }> {
  const bitmap = await createImageBitmap(file);
  let scale = Math.min(1, 1280 / Math.max(bitmap.width, bitmap.height));
  for (let quality = 0.75; ; quality -= 0.15) {
    const canvas = document.createElement("canvas");
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext("2d")!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error("toBlob"))),
        "image/jpeg",
        Math.max(0.3, quality),
      ),
    );
    if (blob.size <= VISIT_PHOTO_MAX_BYTES) {
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { mediaType: "image/jpeg", dataBase64: btoa(binary) };
    }
    if (quality <= 0.3) {
      scale *= 0.7;
      quality = 0.9;
    }
  }
}
