import type { echarts } from './charts';

/** Offers a blob to the user as a file, through a link that is clicked once and removed. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A chart as PNG: ECharts' SVG renderer exports SVG only, so the SVG is drawn at twice its size
 * on a white canvas (through a data: image, which the page's policy allows).
 */
export async function chartPng(chart: ReturnType<typeof echarts.init>): Promise<Blob> {
  const svg = chart.renderToSVGString();
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = chart.getWidth() * scale;
  canvas.height = chart.getHeight() * scale;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw on a canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('PNG export failed'))),
      'image/png',
    ),
  );
}
