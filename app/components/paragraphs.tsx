/**
 * Renders benchmark or user text: blank lines separate paragraphs, and lines starting
 * with "- " become a bulleted list, so data files can stay plain strings.
 */
export function Paragraphs({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {text.split(/\n\s*\n/).map((block, index) => {
        const lines = block.split("\n");
        const intro = lines.filter((line) => !line.startsWith("- "));
        const items = lines.filter((line) => line.startsWith("- ")).map((line) => line.slice(2));
        return (
          <div key={index}>
            {intro.length ? <p>{intro.join(" ")}</p> : null}
            {items.length ? (
              <ul>
                {items.map((item, itemIndex) => (
                  <li key={itemIndex}>{item}</li>
                ))}
              </ul>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}
