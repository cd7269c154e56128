import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useDates } from "#app/utils/use-dates";

/** One factual-check comment as the pages list it (CommentRow from app/models/comment.server.ts). */
export type CommentView = {
  id: string;
  text: string;
  createdAt: string | Date;
  authorName: string | null;
  response: string | null;
  outcome: "corrected" | "explained" | "not-accepted" | null;
  resolvedAt: string | Date | null;
  resolvedByName: string | null;
  replies: { id: string; text: string; createdAt: string | Date; authorName: string | null }[];
};

/**
 * A comment with its thread: its state (open, or closed with its outcome), the host team's text,
 * the answers in order, and the closing note. `actions` holds the forms the reader may use on it.
 */
export function FactualComment({ comment, heading, actions }: { comment: CommentView; heading?: ReactNode; actions?: ReactNode }) {
  const { t } = useTranslation("conclusions");
  const dates = useDates();
  const when = (value: string | Date) => dates.dateTime(value);
  return (
    <li className="card comment" id={`comment-${comment.id}`}>
      {heading}
      <p>
        <span className={`pill ${comment.resolvedAt ? "resolved" : "open"}`}>{comment.resolvedAt ? t("comments.resolved") : t("comments.open")}</span>{" "}
        {comment.outcome ? <span className={`outcome-tag outcome-${comment.outcome}`}>{t(`comments.outcomes.${comment.outcome}`)}</span> : null}{" "}
        <span className="muted">{t("comments.by", { name: comment.authorName ?? "—", date: when(comment.createdAt) })}</span>
      </p>
      <p className="prose">{comment.text}</p>
      {comment.replies.length ? (
        <ol className="comment-replies" aria-label={t("comments.thread")}>
          {comment.replies.map((reply) => (
            <li key={reply.id}>
              <p className="muted">{t("comments.by", { name: reply.authorName ?? "—", date: when(reply.createdAt) })}</p>
              <p className="prose">{reply.text}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {comment.resolvedAt ? (
        <div className="comment-response">
          <p className="muted">{t("comments.resolvedBy", { name: comment.resolvedByName ?? "—", date: when(comment.resolvedAt) })}</p>
          {comment.response ? <p className="prose">{comment.response}</p> : null}
        </div>
      ) : (
        actions
      )}
    </li>
  );
}
