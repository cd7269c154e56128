export default {
  title: "Notifications",
  intro:
    "Ce qui a changé dans vos évaluations. Chaque notification vous est aussi envoyée par courriel quand l'instance envoie des courriels, sauf si vous les avez désactivés sur la page de votre compte.",
  empty: "Rien pour l'instant.",
  unread: "Non lue",
  markRead: "Marquer comme lue",
  markAllRead: "Tout marquer comme lu",
  open: "Ouvrir",
  headerLink_one: "Notifications ({{count}} non lue)",
  headerLink_other: "Notifications ({{count}} non lues)",
  headerLinkNone: "Notifications",
  kinds: {
    "phase-changed": "{{city}} : l'évaluation est passée de la phase {{from}} à la phase {{to}}.",
    "factual-comment": "{{city}} : {{by}} a commenté {{part}} pendant la vérification factuelle.",
    "factual-reply": "{{city}} : {{by}} a répondu au commentaire sur {{part}}.",
    "factual-closed": "{{city}} : {{by}} a clos le commentaire sur {{part}} : {{outcome}}.",
    invitation: "{{by}} vous invite à rejoindre l'évaluation de {{city}} en tant que {{role}}.",
    assigned_one: "{{city}} : {{by}} vous a confié {{count}} facteur clé : {{factorIds}}.",
    assigned_other: "{{city}} : {{by}} vous a confié {{count}} facteurs clés : {{factorIds}}.",
    assigned_commitment_one: "{{city}} : {{by}} vous a confié {{count}} engagement : {{factorIds}}.",
    assigned_commitment_other: "{{city}} : {{by}} vous a confié {{count}} engagements : {{factorIds}}.",
    unknown: "{{city}} : quelque chose a changé.",
  },
  outcomes: {
    corrected: "corrigé",
    explained: "expliqué",
    "not-accepted": "non retenu",
  },
  mail: {
    subject: "[Benchmark workbench] {{text}}",
    open: "Pour l'ouvrir dans l'application :",
    footer:
      "Vous recevez ce courriel parce que vous êtes membre de cette évaluation. Pour ne plus en recevoir, désactivez-les sur la page de votre compte : {{url}}",
  },
};
