import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Role } from "../db/generated/enums";
import { db } from "../db/client";
import { env } from "../env";
import { clientIp } from "../rate-limit/client-ip";
import { SESSION_MAX_AGE_SECONDS, sessionCookie, sessionState, startedSession, type SessionEnd } from "./lifetime";
import { signInWithPassword } from "./sign-in";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role; organisationId: string | null };
    /** Set instead of a user when the session has ended (lifetime.ts); nobody is signed in then. */
    ended?: SessionEnd;
  }
  interface User {
    role: Role;
    organisationId: string | null;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    organisationId: string | null;
    /** Epoch seconds of the sign-in, and of the last request (renewed by proxy.ts); see lifetime.ts. */
    signedInAt?: number;
    activeAt?: number;
  }
}

function ipOf(headers: Record<string, unknown> | undefined): string | null {
  return clientIp((name) => {
    const value = headers?.[name];
    return typeof value === "string" ? value : null;
  });
}

let options: NextAuthOptions | undefined;

/** Built on first use so that `next build` never needs the runtime environment. */
export function authOptions(): NextAuthOptions {
  options ??= {
    secret: env().NEXTAUTH_SECRET,
    // At most 8 hours from sign-in, and 30 minutes from the last request (lifetime.ts).
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    cookies: { sessionToken: sessionCookie() },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const result = await signInWithPassword(db(), credentials, ipOf(req?.headers));
          if (result.ok) return result.user;
          // next-auth passes a thrown message to the client as `error`; the UI translates it.
          throw new Error(result.code);
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.organisationId = user.organisationId;
          Object.assign(token, startedSession(Date.now()));
        }
        return token;
      },
      session({ session, token }) {
        // Every session read on the server (getServerSession, /api/auth/session) is judged here.
        const state = sessionState(token, Date.now());
        if (state.state === "ended") return { ended: state.reason } as unknown as typeof session;
        session.user = {
          id: token.uid,
          email: token.email ?? "",
          name: token.name ?? "",
          role: token.role,
          organisationId: token.organisationId,
        };
        return session;
      },
    },
  };
  return options;
}
