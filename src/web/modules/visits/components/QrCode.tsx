import QRCode from "qrcode";
import { useMemo } from "react";

/** A QR code drawn as SVG squares, computed in the browser (nothing fetched). */
export function QrCode({ text, size = 160, label }: { text: string; size?: number; label: string }) {
  const modules = useMemo(() => QRCode.create(text, { errorCorrectionLevel: "M" }).modules, [text]);
  const quiet = 2;
  const count = modules.size + quiet * 2;
  const squares: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (modules.get(row, column)) squares.push(`M${column + quiet} ${row + quiet}h1v1h-1z`);
    }
  }
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${count} ${count}`}
      shapeRendering="crispEdges"
      data-testid="qr-code"
    >
      <rect width={count} height={count} fill="#fff" />
      <path d={squares.join("")} fill="#000" />
    </svg>
  );
}
