import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';

const opts = { extensions: { btree_gist }, postgresqlconf: ['shared_buffers = 16MB'] } as any;
let t = performance.now();
const a = await PGlite.create('memory://', opts);
await a.exec("CREATE EXTENSION btree_gist; CREATE TABLE x(id int primary key, v text); INSERT INTO x VALUES (1, 'a')");
console.log('fresh', Math.round(performance.now() - t));
t = performance.now();
const dump = await a.dumpDataDir('none');
console.log('dump', Math.round(performance.now() - t), dump.size);
await a.close();
for (let i = 0; i < 3; i++) {
  t = performance.now();
  const b = await PGlite.create('memory://', { ...opts, loadDataDir: dump });
  const r = await b.query('SELECT v FROM x');
  console.log('from dump', Math.round(performance.now() - t), r.rows);
  await b.close();
}
