import type { FastifyInstance } from "fastify";
import {
  createUser,
  getUser,
  listUsers,
  resetUserPassword,
  setUserDisabled,
  updateUser,
} from "../../../shared/api/users.api.js";
import type { Db } from "../../db/db.js";
import { userRoute } from "../../http/route.js";
import * as users from "./users.service.js";

export function registerUserRoutes(app: FastifyInstance, db: Db): void {
  userRoute(app, db, listUsers, ({ ctx, query }) => users.listUsers(ctx, query));
  userRoute(app, db, getUser, ({ ctx, params }) => users.getUser(ctx, params.id));
  userRoute(app, db, createUser, ({ ctx, body }) => users.createUser(ctx, body));
  userRoute(app, db, updateUser, ({ ctx, params, body }) => users.updateUser(ctx, params.id, body));
  userRoute(app, db, setUserDisabled, ({ ctx, params, body }) =>
    users.setUserDisabled(ctx, params.id, body.isDisabled, body.version),
  );
  userRoute(app, db, resetUserPassword, ({ ctx, params }) => users.resetUserPassword(ctx, params.id));
}
