import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Role } from "../db/generated/enums";
import { db } from "../db/client";
import { env } from "../env";
import { clientIp } from "../rate-limit/client-ip";
import { signInWithPassword } from "./sign-in";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role; organisationId: string | null };
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
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
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
        }
        return token;
      },
      session({ session, token }) {
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
