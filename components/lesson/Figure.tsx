/** An illustration or diagram (never a patient photo), sized so the page does not jump as it loads. */
export function Figure({ src, alt, caption, width, height }: { src: string; alt: string; caption?: string; width: number; height: number }) {
  return (
    <figure className="my-6">
      {/* A plain img: media files are small, pre-sized, and must not go through an image optimiser offline. */}
      <img src={src} alt={alt} width={width} height={height} loading="lazy" decoding="async" className="h-auto max-w-full rounded-md border border-line" />
      {caption ? <figcaption className="mt-2 text-sm text-muted">{caption}</figcaption> : null}
    </figure>
  );
}
