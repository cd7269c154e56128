import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";

/*
 * The overview chart (reports/chart.ts, the SVG the PDF draws) as a PNG for the Word document:
 * resvg renders it with the same Roboto files the PDF embeds and no system font, so the same
 * chart always gives the same pixels.
 */
const require = createRequire(import.meta.url);
const FONT_FILES = ["Roboto-Regular.ttf", "Roboto-Medium.ttf", "Roboto-Italic.ttf"].map((file) => require.resolve(`pdfmake/fonts/Roboto/${file}`));

/** Pixels per point of the SVG: sharp when printed, small enough to mail. */
const SCALE = 3;

export function chartPng(svg: string): { png: Uint8Array; width: number; height: number } {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: SCALE },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: "Roboto" },
    background: "#ffffff",
  });
  const image = resvg.render();
  return { png: new Uint8Array(image.asPng()), width: image.width / SCALE, height: image.height / SCALE };
}
