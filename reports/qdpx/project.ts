import { createHash } from "node:crypto";
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import type { DocumentType, EvidenceKind, INTERVIEW_FORMATS, ParticipantCategory, Polarity, Role } from "#db/enums";
import { localize } from "#benchmark/locales";
import { requireFramework } from "#benchmark/index";
import { frameworkTerms } from "#benchmark/terms";
import { describeAttribution, type StoredAttribution } from "#app/models/attribution";
import { formatCalendarDate, formatDateTime } from "#app/utils/dates";
import { getI18n, type Locale } from "#app/utils/i18n";
import { xmlSafe } from "../exports/xml-text";
import { writeZip } from "../exports/zip";

/*
 * The evidence log in the REFI-QDA project exchange format (.qdpx), which ATLAS.ti, MAXQDA, NVivo,
 * QualCoder and Taguette import: a zip holding project.qde (XML, urn:QDA-XML:project:1.0, built
 * with xmlbuilder2) and one plain-text file per source under sources/.
 *
 * - Codes: the framework's key factors (or commitments), each with its guiding questions (or
 *   example actions) as sub-codes, and the three polarities under one "Polarity" code.
 * - Sources: one text per interview or focus group (its date and the categories of those met,
 *   never a name or an organisation), one per document (its title, coded with the factors the
 *   document answers, then the evidence taken from it), and one for the rest of the evidence.
 * - Each evidence item is a selection of its source's text, coded with its factors, questions and
 *   polarity, and followed in the text by its attribution as the report words it (a category).
 * - Users: the team members who logged evidence, named by role and number ("Peer reviewer 2").
 *
 * Everything is derived from the data: GUIDs are name-based (SHA-1 of the review and the thing's
 * id, as RFC 4122 version 5), no clock is read, so the same log gives the same bytes.
 */

type InterviewFormat = (typeof INTERVIEW_FORMATS)[number];
export type QdaInterview = { id: string; date: string; format: InterviewFormat; categories: ParticipantCategory[] };
export type QdaDocument = {
  id: string;
  title: string;
  origin: "host-city" | "peer-team";
  type: DocumentType | string;
  date: string | null;
  /** The factors and questions the document itself answers (its links). */
  factors: string[];
  questions: string[];
};
export type QdaItem = StoredAttribution & {
  id: string;
  kind: EvidenceKind;
  text: string;
  polarity: Polarity | null;
  /** Epoch milliseconds: when it was logged. */
  loggedAt: number;
  interviewId: string | null;
  documentId: string | null;
  /** The account that logged it: only numbered, never named. */
  createdBy: string | null;
  factors: string[];
  questions: string[];
};

/** Plain data (it crosses to a worker thread): what the export holds, read by app/models/evidence-qda.server.ts. */
export type QdaSnapshot = {
  reviewId: string;
  hostCity: string;
  frameworkId: string;
  timeZone: string;
  /** The roles of the review's members, by account: what a coder is called. */
  roles: Record<string, Role>;
  interviews: QdaInterview[];
  documents: QdaDocument[];
  items: QdaItem[];
};

export type QdaProject = { xml: string; sources: { guid: string; text: string }[] };

const NAMESPACE = "urn:QDA-XML:project:1.0";
const ORIGIN = "Benchmark workbench";
const POLARITY_COLOURS: Record<Polarity, string> = { supports: "#2E7D32", mixed: "#B26A00", contradicts: "#C62828" };
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A name-based UUID (version 5 layout) for one thing of one review: the same thing always gets the same one. */
export function qdaGuid(reviewId: string, thing: string): string {
  const hash = createHash("sha1").update(`${reviewId}\u0000${thing}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** xsd:dateTime in UTC, to the second. */
function dateTime(ms: number) {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** A code's name as a code tree shows it: a long question ends with "…" at a word (its description has it whole). */
const CODE_NAME_CHARS = 80;
function shortened(text: string) {
  if (text.length <= CODE_NAME_CHARS) return text;
  const cut = text.slice(0, CODE_NAME_CHARS);
  const space = cut.lastIndexOf(" ");
  return `${(space > CODE_NAME_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, "")}…`;
}

/** Positions in a REFI-QDA text count characters (Unicode code points), not UTF-16 units. */
const characters = (text: string) => Array.from(text).length;

/** A source's text, written piece by piece, knowing where each selection starts and ends. */
class SourceText {
  private parts: string[] = [];
  private length = 0;
  add(text: string): { start: number; end: number } {
    const start = this.length;
    this.parts.push(text);
    this.length += characters(text);
    return { start, end: this.length };
  }
  toString() {
    return this.parts.join("");
  }
}

type Selection = { guid: string; name: string; start: number; end: number; description: string; user: string | null; at: number | null; codes: string[] };
type Source = { guid: string; name: string; description: string; text: string; values: [string, "text" | "date", string][]; selections: Selection[] };

export function buildQdaProject(snapshot: QdaSnapshot, locale: Locale): QdaProject {
  const { t } = getI18n(locale);
  const framework = requireFramework(snapshot.frameworkId);
  const terms = frameworkTerms(framework, locale);
  const guid = (thing: string) => qdaGuid(snapshot.reviewId, thing);
  const clean = (text: string) => xmlSafe(text).replace(/\r\n?/g, "\n");
  const day = (value: string) => (ISO_DAY.test(value) ? formatCalendarDate(value, { locale, month: "long" }) : value);

  // Codes: every factor the framework has ever had (a stored tag may name a retired one).
  const codeOf = new Map<string, string>();
  for (const factor of framework.keyFactors) {
    codeOf.set(factor.id, guid(`code:${factor.id}`));
    for (const question of factor.guidingQuestions) codeOf.set(question.id, guid(`code:${question.id}`));
  }
  const polarityCode = (polarity: Polarity) => guid(`code:polarity:${polarity}`);
  const codesOf = (item: { factors: string[]; questions: string[]; polarity?: Polarity | null }) => [
    ...item.factors.flatMap((id) => (codeOf.has(id) ? [codeOf.get(id)!] : [])),
    ...item.questions.flatMap((id) => (codeOf.has(id) ? [codeOf.get(id)!] : [])),
    ...(item.polarity ? [polarityCode(item.polarity)] : []),
  ];

  // Coders: numbered by role, in the order of their accounts (never by name).
  const coders = [...new Set(snapshot.items.flatMap((item) => (item.createdBy ? [item.createdBy] : [])))].sort();
  const leads = coders.filter((id) => snapshot.roles[id] === "lead-expert");
  const peers = coders.filter((id) => snapshot.roles[id] === "peer-reviewer");
  const others = coders.filter((id) => !leads.includes(id) && !peers.includes(id));
  const users = [
    ...leads.map((id, i) => ({ id, name: leads.length === 1 ? t("evidence:qda.users.lead") : t("evidence:qda.users.leadNumbered", { n: i + 1 }) })),
    ...peers.map((id, i) => ({ id, name: t("evidence:qda.users.peer", { n: i + 1 }) })),
    ...others.map((id, i) => ({ id, name: t("evidence:qda.users.member", { n: i + 1 }) })),
  ];
  const userGuid = (id: string | null) => (id ? guid(`user:${id}`) : null);

  const byDate = (a: QdaItem, b: QdaItem) => a.loggedAt - b.loggedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const items = [...snapshot.items].sort(byDate);
  const interviewIds = new Set(snapshot.interviews.map((interview) => interview.id));
  const documentIds = new Set(snapshot.documents.map((doc) => doc.id));
  const placeOf = (item: QdaItem) =>
    item.interviewId && interviewIds.has(item.interviewId)
      ? `interview:${item.interviewId}`
      : item.documentId && documentIds.has(item.documentId)
        ? `document:${item.documentId}`
        : "other";

  /** An item's text, then its attribution and what it is, as lines a reader of the source sees. */
  const writeItem = (text: SourceText, item: QdaItem): Selection => {
    const span = text.add(clean(item.text).trim());
    const attribution = describeAttribution(t, item);
    const meta = t("evidence:qda.itemMeta", {
      kind: t(`evidence:kinds.${item.kind}`),
      polarity: item.polarity ? t(`evidence:polarities.${item.polarity}`) : "—",
      date: formatDateTime(item.loggedAt, { locale, timeZone: snapshot.timeZone }),
    });
    text.add(`\n${attribution ? `${t("evidence:qda.said", { attribution: clean(attribution) })}\n` : ""}(${meta})\n\n`);
    return {
      guid: guid(`selection:${item.id}`),
      name: item.id,
      ...span,
      description: attribution ? `${clean(attribution)} — ${meta}` : meta,
      user: userGuid(item.createdBy),
      at: item.loggedAt,
      codes: codesOf(item),
    };
  };

  const sources: Source[] = [];
  const numbers = new Map<string, number>();
  for (const interview of snapshot.interviews) {
    const text = new SourceText();
    const format = t(`evidence:formats.${interview.format}`);
    // Numbered within their format, in date order: "Interview 3", "Focus group 1".
    const number = (numbers.get(interview.format) ?? 0) + 1;
    numbers.set(interview.format, number);
    const categories = [...new Set(interview.categories)].map((category) => t(`evidence:categories.${category}`)).join(", ");
    const name = t("evidence:qda.interviewSource", { format, n: number, date: day(interview.date) });
    const participants = categories ? t("evidence:qda.participants", { categories }) : t("evidence:qda.noParticipants");
    text.add(`${name}\n${participants}\n\n`);
    const selections = items.filter((item) => placeOf(item) === `interview:${interview.id}`).map((item) => writeItem(text, item));
    sources.push({
      guid: guid(`source:interview:${interview.id}`),
      name,
      description: participants,
      text: text.toString(),
      values: [
        ["sourceType", "text", t(`evidence:qda.sourceTypes.${interview.format}`)],
        ...(ISO_DAY.test(interview.date) ? [["date", "date", interview.date] as [string, "date", string]] : []),
        ["categories", "text", categories],
      ],
      selections,
    });
  }
  for (const doc of snapshot.documents) {
    const text = new SourceText();
    const type = t(`selfAssessment:documents.types.${doc.type}`, { defaultValue: doc.type });
    const origin = t(`evidence:origins.${doc.origin}`);
    const meta = doc.date ? t("evidence:qda.documentMeta", { type, origin, date: day(doc.date) }) : t("evidence:qda.documentMetaNoDate", { type, origin });
    const title = text.add(clean(doc.title));
    text.add(`\n${meta}\n\n`);
    const own = codesOf(doc);
    const selections: Selection[] = own.length
      ? [{ guid: guid(`selection:document:${doc.id}`), name: clean(doc.title), ...title, description: meta, user: null, at: null, codes: own }]
      : [];
    selections.push(...items.filter((item) => placeOf(item) === `document:${doc.id}`).map((item) => writeItem(text, item)));
    sources.push({
      guid: guid(`source:document:${doc.id}`),
      name: clean(doc.title),
      description: meta,
      text: text.toString(),
      values: [
        ["sourceType", "text", t("evidence:qda.sourceTypes.document")],
        ...(doc.date && ISO_DAY.test(doc.date) ? [["date", "date", doc.date] as [string, "date", string]] : []),
        ["documentType", "text", type],
        ["origin", "text", origin],
      ],
      selections,
    });
  }
  const rest = items.filter((item) => placeOf(item) === "other");
  if (rest.length) {
    const text = new SourceText();
    const name = t("evidence:qda.otherSource");
    text.add(`${name}\n\n`);
    const selections = rest.map((item) => writeItem(text, item));
    sources.push({
      guid: guid("source:other"),
      name,
      description: name,
      text: text.toString(),
      values: [["sourceType", "text", t("evidence:qda.sourceTypes.other")]],
      selections,
    });
  }

  const root = create({ version: "1.0", encoding: "UTF-8" }).ele(NAMESPACE, "Project", {
    name: clean(t("evidence:qda.projectName", { city: snapshot.hostCity })),
    origin: ORIGIN,
  });
  if (users.length) {
    const list = root.ele("Users");
    for (const user of users) list.ele("User", { guid: userGuid(user.id)!, name: user.name });
  }
  const codes = root.ele("CodeBook").ele("Codes");
  for (const factor of framework.keyFactors) {
    const code = codes.ele("Code", {
      guid: codeOf.get(factor.id)!,
      name: clean(`${terms.Item} ${factor.number}. ${localize(factor.title, locale)}`),
      isCodable: "true",
    });
    code.ele("Description").txt(clean(localize(factor.statement, locale)));
    factor.guidingQuestions.forEach((question, index) => {
      const number = `${factor.number}.${index + 1}`;
      code
        .ele("Code", { guid: codeOf.get(question.id)!, name: clean(`${number} ${shortened(localize(question.text, locale))}`), isCodable: "true" })
        .ele("Description")
        .txt(clean(`${terms.Question} ${number}: ${localize(question.text, locale)}`));
    });
  }
  const polarity = codes.ele("Code", { guid: guid("code:polarity"), name: t("evidence:qda.polarity"), isCodable: "false" });
  for (const value of ["supports", "mixed", "contradicts"] as const) {
    polarity.ele("Code", { guid: polarityCode(value), name: t(`evidence:polarities.${value}`), isCodable: "true", color: POLARITY_COLOURS[value] });
  }

  const variables = ["sourceType", "date", "categories", "documentType", "origin"] as const;
  const variableList = root.ele("Variables");
  for (const variable of variables) {
    variableList.ele("Variable", {
      guid: guid(`variable:${variable}`),
      name: t(`evidence:qda.variables.${variable}`),
      typeOfVariable: variable === "date" ? "Date" : "Text",
    });
  }

  if (sources.length) {
    const list = root.ele("Sources");
    for (const source of sources) writeSource(list, source, guid);
  }
  root.ele("Description").txt(
    clean(
      t("evidence:qda.description", {
        city: snapshot.hostCity,
        framework: localize(framework.title, locale),
        items: terms.items,
        questions: terms.questions,
      }),
    ),
  );
  return { xml: root.end({ prettyPrint: true }), sources: sources.map((source) => ({ guid: source.guid, text: source.text })) };
}

function writeSource(list: XMLBuilder, source: Source, guid: (thing: string) => string) {
  const node = list.ele("TextSource", { guid: source.guid, name: source.name, plainTextPath: `internal://${source.guid}.txt` });
  node.ele("Description").txt(source.description);
  for (const selection of source.selections) {
    const element = node.ele("PlainTextSelection", {
      guid: selection.guid,
      name: selection.name,
      startPosition: String(selection.start),
      endPosition: String(selection.end),
      ...(selection.user ? { creatingUser: selection.user } : {}),
      ...(selection.at !== null ? { creationDateTime: dateTime(selection.at) } : {}),
    });
    element.ele("Description").txt(selection.description);
    for (const code of selection.codes) {
      element
        .ele("Coding", {
          guid: guid(`coding:${selection.guid}:${code}`),
          ...(selection.user ? { creatingUser: selection.user } : {}),
          ...(selection.at !== null ? { creationDateTime: dateTime(selection.at) } : {}),
        })
        .ele("CodeRef", { targetGUID: code });
    }
  }
  for (const [variable, type, value] of source.values) {
    const element = node.ele("VariableValue");
    element.ele("VariableRef", { targetGUID: guid(`variable:${variable}`) });
    element.ele(type === "date" ? "DateValue" : "TextValue").txt(value);
  }
}

/** The .qdpx file: project.qde and the sources, as a zip whose bytes depend only on the data. */
export async function buildQdpx(snapshot: QdaSnapshot, locale: Locale): Promise<Uint8Array> {
  const project = buildQdaProject(snapshot, locale);
  return writeZip([
    { name: "project.qde", content: project.xml },
    ...project.sources.map((source) => ({ name: `sources/${source.guid}.txt`, content: source.text })),
  ]);
}
