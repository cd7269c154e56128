import { Fragment } from "react";
import { textBlocks } from "#app/utils/text-blocks";

/**
 * Free text as paragraphs and lists, read by the same rules as the PDF (app/utils/text-blocks.ts):
 * a "- " or "• " line is a list item here, in the report preview and in the PDF alike. Line
 * breaks inside a paragraph are kept.
 */
export function TextBlocks({ text, paragraphClassName }: { text: string; paragraphClassName?: string }) {
  const lines = (value: string) =>
    value.split("\n").map((line, index) => (
      <Fragment key={index}>
        {index > 0 ? <br /> : null}
        {line}
      </Fragment>
    ));
  return (
    <>
      {textBlocks(text).map((block, index) =>
        block.type === "text" ? (
          <p key={index} className={paragraphClassName}>
            {lines(block.text)}
          </p>
        ) : (
          <Fragment key={index}>
            {block.intro ? <p className={paragraphClassName}>{lines(block.intro)}</p> : null}
            <ul>
              {block.items.map((item, itemIndex) => (
                <li key={itemIndex}>{item}</li>
              ))}
            </ul>
          </Fragment>
        ),
      )}
    </>
  );
}

/** Benchmark or user text in its own block. */
export function Paragraphs({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      <TextBlocks text={text} />
    </div>
  );
}
