# The main example with `56,70` written for `56.70` in its PK target (README.md, diagnostics.md).
mkdir -p examples
cp -r "$REPO/examples/luwu-timur-2024" examples/
sed -i 's/target pk      { 2024: 56\.70 }/target pk      { 2024: 56,70 }/' examples/luwu-timur-2024/luwu_timur.iku
grep -q '56,70' examples/luwu-timur-2024/luwu_timur.iku
