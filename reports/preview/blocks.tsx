import type { ReactNode } from "react";
import { TextBlocks } from "#app/components/paragraphs";
import type { RatingView } from "../model";

/** Small pieces every chapter of the preview shares, as reports/sections/blocks.ts does for the PDF. */

/** Text the team wrote; `lang` is its language (the review's) where it may differ from the report's. */
export function Text({ value, missing, lang }: { value: string; missing?: string; lang?: string }) {
  if (!value.trim()) return missing ? <Missing>{missing}</Missing> : null;
  const blocks = <TextBlocks text={value} paragraphClassName="report-text" />;
  return lang ? <div lang={lang}>{blocks}</div> : blocks;
}

export function Missing({ children }: { children: ReactNode }) {
  return <p className="report-missing">{children}</p>;
}

export function Rating({ rating }: { rating: RatingView }) {
  return <span className={`pill ${rating.id ?? "none"}`}>{rating.label}</span>;
}

export function Chapter({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} className="report-chapter" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}
