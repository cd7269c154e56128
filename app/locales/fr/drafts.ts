// Brouillons, garde de sortie et enregistrements qui n'ont pas atteint le serveur.
export default {
  leave: {
    title: "Une partie de votre texte n'est pas encore enregistrée",
    text: "Si vous quittez cette page maintenant, le texte qui n'a pas été envoyé au serveur reste seulement sur cet ordinateur, comme brouillon qui revient quand vous rouvrez la page.",
    stay: "Rester sur cette page",
    leave: "Quitter la page",
  },
  restored: {
    text: "Le texte que vous n'aviez pas enregistré la dernière fois a été remis. Il n'est pas encore enregistré : enregistrez-le ou abandonnez-le.",
    discard: "Abandonner ce brouillon",
  },
  failure: {
    offline:
      "Pas encore enregistré : pas de connexion. Ce sera envoyé quand vous serez de nouveau en ligne. Votre texte est conservé sur cette page et sur cet ordinateur.",
    unreachable:
      "Pas encore enregistré : le serveur ne répond pas, bien que cet ordinateur soit connecté. Votre texte est conservé sur cette page et sur cet ordinateur, et il sera envoyé dès que le serveur répondra.",
    server:
      "Pas encore enregistré : le serveur n'a pas pu l'enregistrer. Votre texte est conservé sur cette page et sur cet ordinateur : réessayez dans un instant.",
    signedOut: "Pas encore enregistré : votre session a pris fin. Reconnectez-vous et votre texte sera envoyé.",
    waiting_one: "{{count}} enregistrement en attente.",
    waiting_other: "{{count}} enregistrements en attente.",
    retry: "Réessayer maintenant",
  },
  signIn: {
    title: "Reconnectez-vous pour enregistrer votre texte",
    intro: "Votre session a pris fin pendant que vous travailliez. Rien de ce que vous avez saisi n'est perdu : reconnectez-vous et il sera enregistré.",
    email: "Adresse e-mail",
    password: "Mot de passe",
    submit: "Se connecter et enregistrer",
    invalid: "Cette adresse e-mail et ce mot de passe ne correspondent pas. Réessayez.",
    throttled: "Trop de tentatives. Attendez {{seconds}} secondes et réessayez.",
    offline: "Pas de connexion : vous pourrez vous reconnecter une fois de nouveau en ligne.",
    failed: "La connexion n'a pas fonctionné. Réessayez dans un instant.",
  },
  offlinePage: {
    title: "Pas de connexion",
    text: "Cette page n'a pas pu être chargée : pas de connexion, ou le serveur n'a pas répondu. Ce que vous aviez saisi sur la page précédente est conservé comme brouillon sur cet ordinateur.",
    retry: "Réessayer",
  },
  signedOutPage: {
    ended: "Votre session a pris fin. Reconnectez-vous pour reprendre où vous en étiez.",
    signIn: "Se reconnecter",
  },
} as const;
