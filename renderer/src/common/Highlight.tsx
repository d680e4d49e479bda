import type { Highlighted } from '@shared/policies/api-schemas';

/** Text with the parts that matched the query marked (<mark>), as the core cut it. */
export function Highlight({ parts }: { parts: Highlighted }) {
  return (
    <>
      {parts.map((p, i) =>
        p.hit ? (
          <mark key={i} className="pd-hit">
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}
