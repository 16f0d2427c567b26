// The DuckDB peer: the national table as an analyst writes it in SQL (DOUBLE arithmetic, round()).
//
//   node bench/national/peer_duckdb.mjs DIR OUT.csv [TAHUN]
//
// Reads DIR/data/nasional.csv (long: wilayah,tahun,variabel,nilai) and DIR/data/indikator.csv (one
// row per indicator: its numerator, denominator and target variables, polaritas, desimal), and writes
// wilayah,kode,realisasi,capaian,kategori. DuckDB's round() rounds half away from zero, the rule of
// the .iku (pembulatan setengah_naik), but on the binary double, so a half-way case such as 84.375
// computed as 84.37499999999999 rounds down.
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, out, tahun = '2024'] = process.argv.slice(2);
const q = (s) => `'${s.replaceAll("'", "''")}'`;

const sql = `
CREATE TABLE d AS
  SELECT wilayah, variabel, nilai
  FROM read_csv(${q(dir + '/data/nasional.csv')}, header = true,
                columns = {'wilayah': 'VARCHAR', 'tahun': 'INTEGER', 'variabel': 'VARCHAR', 'nilai': 'DOUBLE'})
  WHERE tahun = ${Number(tahun)};
CREATE TABLE m AS SELECT * FROM read_csv(${q(dir + '/data/indikator.csv')}, header = true, all_varchar = true);

COPY (
  WITH r AS (                                -- realisasi and target of every region x indicator
    SELECT w.wilayah, m.kode, m.polaritas, t.nilai AS target,
           round(CASE WHEN m.penyebut IS NULL THEN n.nilai
                      ELSE n.nilai / nullif(dn.nilai, 0) * 100 END, CAST(m.desimal AS INTEGER)) AS realisasi
    FROM m
    CROSS JOIN (SELECT DISTINCT wilayah FROM d) w
    LEFT JOIN d n  ON n.wilayah = w.wilayah  AND n.variabel = m.pembilang
    LEFT JOIN d dn ON dn.wilayah = w.wilayah AND dn.variabel = m.penyebut
    LEFT JOIN d t  ON t.wilayah = w.wilayah  AND t.variabel = m.target
  ), c AS (                                  -- capaian from the rounded realisasi (stdlib polaritas)
    SELECT *, round(CASE polaritas WHEN 'positif' THEN realisasi / target * 100
                                   ELSE (2 * target - realisasi) / target * 100 END, 2) AS capaian
    FROM r
  )
  SELECT wilayah, kode, printf('%.2f', realisasi) AS realisasi, printf('%.2f', capaian) AS capaian,
         CASE WHEN capaian >= 91 THEN 'ST' WHEN capaian >= 76 THEN 'T' WHEN capaian >= 66 THEN 'S'
              WHEN capaian >= 51 THEN 'R' WHEN capaian IS NOT NULL THEN 'SR' END AS kategori
  FROM c ORDER BY wilayah, kode
) TO ${q(out)} (HEADER, DELIMITER ',');
`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(sql);
