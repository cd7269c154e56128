export default {
  title: "Rapport de retour",
  intro:
    "Un aperçu du rapport construit à partir des données actuelles de l'examen : le PDF dit exactement la même chose. Il s'affiche dans la langue de l'interface ; téléchargez le PDF dans l'une ou l'autre langue.",
  draftStatus:
    "Projet : le rapport est reconstruit à partir des données actuelles à chaque fois, avec la mention « projet », jusqu'à ce que l'expert principal publie l'examen.",
  issuedStatus:
    "Publié le {{date}}. Les PDF ci-dessous sont les fichiers remis à la ville, servis tels qu'ils ont été enregistrés ; leur empreinte SHA-256 permet à chacun de vérifier une copie.",
  download: "Télécharger le PDF",
  downloadIn: "PDF en {{language}}",
  factualCheckCsv: "La vérification factuelle (commentaires, réponses, issues) en CSV",
  downloadDocxIn: "Word (DOCX) en {{language}}",
  accessibleFormats:
    "Le PDF est balisé pour les lecteurs d'écran (titres, paragraphes, listes, tableaux, texte de remplacement du graphique, langue du rapport) mais ne revendique pas une conformité PDF/UA complète. Le document Word est la version accessible : publiez-le, ou adaptez-le à votre propre modèle.",
  languageNames: { fr: "français", en: "anglais" },
  defaultLanguage: "langue du rapport",
  pages_one: "{{count}} page",
  pages_other: "{{count}} pages",
  sha256: "SHA-256",
  print: "Imprimer cet aperçu",
} as const;
