#!/bin/sh
# Draws the pictures of the built-in sample stories with ImageMagick 6 (`convert`) into
# resources/samples/images/. They are invented scenes made of shapes and gradients, so Galley ships
# no photograph it has no rights to. Run from anywhere; the output is committed, so run it again
# only after changing a scene. Needs the DejaVu fonts (fonts-dejavu-core).
set -eu

out="$(cd "$(dirname "$0")/../../resources/samples/images" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# 1. Lead picture: waves breaking over a stone harbour wall at dusk (1200 x 675).
convert -size 1200x330 gradient:'#2e3846-#c48a66' "$tmp/sky.png"
convert -size 1200x345 gradient:'#4a6070-#16222b' "$tmp/sea.png"
convert -size 1200x675 xc:none \
    "$tmp/sky.png" -geometry +0+0 -composite \
    "$tmp/sea.png" -geometry +0+330 -composite \
    -fill '#27303b' -draw 'polygon 0,330 0,300 140,286 300,292 420,312 520,330' \
    -fill '#323c48' -draw 'polygon 760,330 900,304 1010,298 1200,314 1200,330' \
    -fill 'rgba(233,201,160,0.55)' -draw 'ellipse 640,340 160,5 0,360' -draw 'ellipse 640,352 110,3 0,360' \
    -stroke '#8aa0ae' -strokewidth 2 -fill none \
    -draw 'path "M 0,372 Q 150,362 300,372 T 600,372 T 900,372 T 1200,372"' \
    -draw 'path "M 0,402 Q 150,390 300,402 T 600,402 T 900,402 T 1200,402"' \
    -stroke none \
    -fill '#6d6a63' -draw 'polygon 0,520 1200,440 1200,500 0,600' \
    -fill '#4c4a45' -draw 'polygon 0,600 1200,500 1200,675 0,675' \
    -stroke '#3a3834' -strokewidth 2 \
    -draw 'line 0,545 1200,460' -draw 'line 0,572 1200,480' \
    -draw 'line 100,513 100,592' -draw 'line 260,503 260,578' -draw 'line 420,492 420,565' \
    -draw 'line 580,482 580,551' -draw 'line 740,471 740,538' -draw 'line 900,461 900,525' \
    -draw 'line 1060,450 1060,512' \
    -stroke '#1d1f22' -strokewidth 5 \
    -draw 'line 180,512 180,392' -draw 'line 520,488 520,378' -draw 'line 860,464 860,362' \
    -stroke none -fill '#ffe2a0' \
    -draw 'circle 180,388 180,380' -draw 'circle 520,374 520,367' -draw 'circle 860,358 860,352' \
    "$tmp/scene.png"
# Spray: soft white plumes where the waves hit the wall.
convert -size 1200x675 xc:none -fill 'rgba(235,240,242,0.85)' \
    -draw 'ellipse 330,470 110,55 0,360' -draw 'ellipse 350,400 60,95 0,360' \
    -draw 'ellipse 300,430 45,70 0,360' -draw 'ellipse 700,445 80,45 0,360' \
    -draw 'ellipse 715,400 40,60 0,360' -draw 'ellipse 1010,430 70,35 0,360' \
    -fill 'rgba(250,252,252,0.9)' -draw 'ellipse 345,455 60,30 0,360' -draw 'ellipse 705,450 40,20 0,360' \
    -blur 0x12 "$tmp/spray.png"
convert -size 1200x675 xc:none -fill '#ffe2a0' \
    -draw 'circle 180,388 180,366' -draw 'circle 520,374 520,356' -draw 'circle 860,358 860,342' \
    -blur 0x14 "$tmp/glow.png"
convert "$tmp/scene.png" "$tmp/spray.png" -composite "$tmp/glow.png" -compose screen -composite \
    -attenuate 0.35 +noise Gaussian -blur 0x0.6 -background '#000' -flatten \
    -strip -interlace Plane -quality 78 "$out/seawall-storm.jpg"

# 2. Mid-story picture: sandbags stacked outside shops on a wet street (1000 x 667).
convert -size 1000x120 gradient:'#9aa3aa-#c3c7c9' "$tmp/overcast.png"
convert -size 1000x160 gradient:'#5b6166-#2f3438' "$tmp/road.png"
convert -size 1000x667 xc:'#c3c7c9' \
    "$tmp/overcast.png" -geometry +0+0 -composite \
    -fill '#7b8c99' -draw 'rectangle 0,90 250,507' \
    -fill '#b7644a' -draw 'rectangle 250,70 500,507' \
    -fill '#d9caa2' -draw 'rectangle 500,100 760,507' \
    -fill '#4f6d5e' -draw 'rectangle 760,80 1000,507' \
    -fill '#e8e4da' -draw 'rectangle 0,230 1000,250' \
    -fill '#253039' -draw 'rectangle 20,290 160,470' -draw 'rectangle 270,280 400,470' \
    -draw 'rectangle 520,290 650,470' -draw 'rectangle 780,285 900,470' \
    -fill '#3b2a22' -draw 'rectangle 180,320 235,507' -draw 'rectangle 420,310 480,507' \
    -draw 'rectangle 670,320 735,507' -draw 'rectangle 915,315 975,507' \
    -fill '#55636d' -draw 'polygon 30,300 90,300 40,460 30,460' -draw 'polygon 280,290 340,290 290,460 280,460' \
    -draw 'polygon 530,300 590,300 540,460 530,460' -draw 'polygon 790,295 850,295 800,460 790,460' \
    -fill '#fbf7ee' -draw 'rectangle 30,150 220,200' -draw 'rectangle 280,130 470,180' \
    -draw 'rectangle 530,160 730,210' -draw 'rectangle 790,140 970,190' \
    -font DejaVu-Serif-Bold -pointsize 22 -fill '#2a2a2a' \
    -annotate +50+183 'CHANDLERY' -annotate +318+163 'BAKERY' \
    -annotate +548+193 'QUAY BOOKS' -annotate +818+173 'FISH & CO' \
    -fill '#2e3134' -draw 'rectangle 0,507 1000,515' \
    "$tmp/road.png" -geometry +0+507 -composite \
    "$tmp/street.png"
# Sandbags: rounded sacks stacked three high in each doorway.
bags=""
for door in 172 412 662 907; do
    for row in 0 1 2; do
        y=$((492 - row * 22))
        for col in 0 1; do
            x=$((door + col * 40 + (row % 2) * 12))
            bags="$bags -draw 'roundrectangle $x,$y $((x + 44)),$((y + 24)) 11,11'"
        done
    done
done
eval convert "$tmp/street.png" -fill "'#8c7552'" -stroke "'#5e4d35'" -strokewidth 2 $bags "$tmp/bags.png"
# Reflection of the shopfronts in the wet road.
convert "$tmp/bags.png" -crop 1000x150+0+357 +repage -flip -blur 0x4 \
    -alpha set -channel A -evaluate set 30% +channel "$tmp/reflection.png"
convert "$tmp/bags.png" "$tmp/reflection.png" -geometry +0+517 -composite \
    -attenuate 0.3 +noise Gaussian -blur 0x0.5 \
    -strip -interlace Plane -quality 78 "$out/sandbags-quay-street.jpg"

# 3. Sport picture: a coxed four on still water in morning haze (1000 x 563).
convert -size 1000x250 gradient:'#dfe6e8-#b9c9cf' "$tmp/haze.png"
convert -size 1000x313 gradient:'#8fa9b3-#3f5f6c' "$tmp/water.png"
rowers=""
for seat in 0 1 2 3; do
    x=$((330 + seat * 90))
    rowers="$rowers -fill '#1f2a33' -draw 'roundrectangle $((x - 9)),322 $((x + 9)),352 5,5'"
    rowers="$rowers -fill '#c98d6b' -draw 'circle $x,312 $x,302'"
    rowers="$rowers -stroke '#e8e2d0' -strokewidth 3 -draw 'line $((x + 4)),340 $((x + 60)),400'"
    rowers="$rowers -stroke '#e8e2d0' -strokewidth 3 -draw 'line $((x - 4)),340 $((x - 40)),300'"
    rowers="$rowers -stroke none"
done
eval convert -size 1000x563 xc:none \
    "$tmp/haze.png" -geometry +0+0 -composite \
    "$tmp/water.png" -geometry +0+250 -composite \
    -fill "'#9fb1b6'" -draw "'polygon 0,250 0,220 180,205 360,215 520,236 600,250'" \
    -fill "'#aebdc1'" -draw "'polygon 560,250 700,226 860,214 1000,222 1000,250'" \
    -fill "'#2b4650'" -draw "'polygon 220,356 780,352 760,366 250,368'" \
    -fill "'#f2f0ea'" -draw "'polygon 230,356 770,352 768,356 232,360'" \
    -fill "'#1f2a33'" -draw "'roundrectangle 236,330 254,354 5,5'" \
    -fill "'#e0b38f'" -draw "'circle 245,322 245,313'" \
    $rowers \
    -stroke "'rgba(240,244,245,0.6)'" -strokewidth 2 -fill none \
    -draw "'path \"M 150,380 Q 300,372 450,380 T 750,380 T 900,378\"'" \
    -draw "'path \"M 60,430 Q 260,420 460,430 T 860,430\"'" \
    "$tmp/rowing.png"
convert "$tmp/rowing.png" -crop 1000x70+0+300 +repage -flip -blur 0x3 \
    -alpha set -channel A -evaluate set 25% +channel "$tmp/rowing-reflection.png"
convert "$tmp/rowing.png" "$tmp/rowing-reflection.png" -geometry +0+368 -composite \
    -attenuate 0.3 +noise Gaussian -blur 0x0.5 -background '#000' -flatten \
    -strip -interlace Plane -quality 78 "$out/rowing-four.jpg"

ls -l "$out"
