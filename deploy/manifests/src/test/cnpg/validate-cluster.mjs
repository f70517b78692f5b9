// Validates one postgresql.cnpg.io/v1 Cluster (JSON on standard input) with the Cluster model of the npm package
// @kubernetes-models/cloudnative-pg (installed beside this file by the module's pom: package.json, package-lock.json),
// whose validate() runs the CRD's schema compiled into JavaScript. Exit 0: valid; 1: invalid, the schema's complaints
// ("data/spec/instances must be integer, ...") on standard error; 2: the object or the package could not be read.
import { readFileSync } from "node:fs";

let Cluster, object;
try {
  ({ Cluster } = await import("@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster"));
  object = JSON.parse(readFileSync(0, "utf8"));
} catch (e) {
  console.error(String(e && e.stack ? e.stack : e));
  process.exit(2);
}
try {
  new Cluster(object).validate();
} catch (e) {
  console.error(String(e && e.message ? e.message : e));
  process.exit(1);
}
