export default {
  title: "Feedback report",
  intro:
    "A preview of the report built from the review's current data: the PDF says exactly the same. It is shown in the interface language; download the PDF in either language.",
  draftStatus: "Draft: the report is rebuilt from the current data each time, watermarked “draft”, until the lead expert issues the review.",
  issuedStatus: "Issued on {{date}}. The PDFs below are the files handed to the city, served exactly as stored; their SHA-256 lets anyone check a copy.",
  download: "Download the PDF",
  downloadIn: "PDF in {{language}}",
  factualCheckCsv: "The factual check (comments, answers, outcomes) as CSV",
  downloadDocxIn: "Word (DOCX) in {{language}}",
  accessibleFormats:
    "The PDF is tagged for screen readers (headings, paragraphs, lists, tables, the chart's alternative text, the report's language) but does not claim full PDF/UA conformance. The Word document is the accessible version: publish it, or adapt it to your own template.",
  languageNames: { fr: "French", en: "English" },
  defaultLanguage: "report language",
  pages_one: "{{count}} page",
  pages_other: "{{count}} pages",
  sha256: "SHA-256",
  print: "Print this preview",
} as const;
