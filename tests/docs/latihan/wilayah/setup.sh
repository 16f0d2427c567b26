# Section 15 of the tutorial: the province example, as the reader copies it from examples/.
cp "$REPO/examples/provinsi-fiktif/provinsi.iku" .
mkdir -p data
cp "$REPO/examples/provinsi-fiktif/data/"*.csv data/
