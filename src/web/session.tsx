// Who is signed in, for every page: the session, what its role may do, and signing out.
import { createContext, useContext } from "react";
import type { Role, Session } from "./api.js";

export interface SessionInfo {
  session: Session;
  signOut(): void;
}

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

export const SessionContext = createContext<SessionInfo>({
  session: { mode: "single-user", user: null, csrf: null },
  signOut: () => {},
});

export function useSession(): SessionInfo {
  return useContext(SessionContext);
}

/** True when the signed-in role may do what `needed` may. */
export function roleAtLeast(session: Session, needed: Role): boolean {
  return session.user !== null && RANK[session.user.role] >= RANK[needed];
}

/** True when the signed-in person may change the ledger (review, add, restrict, merge): analysts and admins. */
export function useCanEdit(): boolean {
  return roleAtLeast(useSession().session, "analyst");
}
