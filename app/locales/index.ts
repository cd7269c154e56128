import enAccounts from "./en/accounts";
import enAgenda from "./en/agenda";
import enAnnualReport from "./en/annualReport";
import enAuth from "./en/auth";
import enBenchmark from "./en/benchmark";
import enCityActions from "./en/cityActions";
import enCommon from "./en/common";
import enConclusions from "./en/conclusions";
import enCycles from "./en/cycles";
import enDrafts from "./en/drafts";
import enEvidence from "./en/evidence";
import enFeedbackReport from "./en/feedbackReport";
import enNotifications from "./en/notifications";
import enPlan from "./en/plan";
import enReport from "./en/report";
import enReviews from "./en/reviews";
import enSelfAssessment from "./en/selfAssessment";
import frAccounts from "./fr/accounts";
import frAgenda from "./fr/agenda";
import frAnnualReport from "./fr/annualReport";
import frAuth from "./fr/auth";
import frBenchmark from "./fr/benchmark";
import frCityActions from "./fr/cityActions";
import frCommon from "./fr/common";
import frConclusions from "./fr/conclusions";
import frCycles from "./fr/cycles";
import frDrafts from "./fr/drafts";
import frEvidence from "./fr/evidence";
import frFeedbackReport from "./fr/feedbackReport";
import frNotifications from "./fr/notifications";
import frPlan from "./fr/plan";
import frReport from "./fr/report";
import frReviews from "./fr/reviews";
import frSelfAssessment from "./fr/selfAssessment";

// One namespace per feature, so each feature's strings live beside each other.
export const resources = {
  en: {
    common: enCommon,
    auth: enAuth,
    benchmark: enBenchmark,
    reviews: enReviews,
    selfAssessment: enSelfAssessment,
    evidence: enEvidence,
    conclusions: enConclusions,
    report: enReport,
    feedbackReport: enFeedbackReport,
    notifications: enNotifications,
    accounts: enAccounts,
    drafts: enDrafts,
    cityActions: enCityActions,
    annualReport: enAnnualReport,
    agenda: enAgenda,
    plan: enPlan,
    cycles: enCycles,
  },
  fr: {
    common: frCommon,
    auth: frAuth,
    benchmark: frBenchmark,
    reviews: frReviews,
    selfAssessment: frSelfAssessment,
    evidence: frEvidence,
    conclusions: frConclusions,
    report: frReport,
    feedbackReport: frFeedbackReport,
    notifications: frNotifications,
    accounts: frAccounts,
    drafts: frDrafts,
    cityActions: frCityActions,
    annualReport: frAnnualReport,
    agenda: frAgenda,
    plan: frPlan,
    cycles: frCycles,
  },
} as const;

export const NAMESPACES = Object.keys(resources.en) as (keyof (typeof resources)["en"])[];
