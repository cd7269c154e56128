import { Link } from "@remix-run/react";
import { useFrameworkTranslation } from "#app/utils/use-framework-terms";

type MyFactor = {
  id: string;
  number: number;
  title: string;
  balance: { total: number; supports: number; mixed: number; contradicts: number; documents: number };
};

/** The review home's "my factors": what the lead asked this reviewer to cover, and how far the evidence goes. */
export function MyFactors({ reviewId, factors }: { reviewId: string; factors: MyFactor[] }) {
  const { t } = useFrameworkTranslation("agenda");
  return (
    <section className="card my-factors" id="my-factors" aria-labelledby="my-factors-title">
      <h2 id="my-factors-title">{t("myFactors.title")}</h2>
      <p className="muted">{t("myFactors.intro")}</p>
      <ul>
        {factors.map((factor) => (
          <li key={factor.id} data-factor={factor.id}>
            <Link to={`/reviews/${reviewId}/evidence?factor=${factor.id}`}>{t("factorLabel", { number: factor.number, title: factor.title })}</Link>
            {" — "}
            <strong>{t("myFactors.evidence", { count: factor.balance.total })}</strong>
            {factor.balance.total ? <span className="muted"> ({t("evidence:coverage.balanceText", factor.balance)})</span> : null}
            {" · "}
            {t("myFactors.documents", { count: factor.balance.documents })}
            {" · "}
            <Link to={`/reviews/${reviewId}/team-notes?factor=${factor.id}`}>{t("notes.title")}</Link>
            {" · "}
            <Link to={`/reviews/${reviewId}/conclusions/${factor.id}`}>{t("myFactors.conclusion")}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
