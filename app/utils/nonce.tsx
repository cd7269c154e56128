import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of this response: set on the server by entry.server.tsx,
 * empty in the browser (which hides nonces from scripts anyway).
 */
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce() {
  return useContext(NonceContext);
}
