// MongoDB's aggregation expression operators (through 7.0), by name: one the
// dialect lacks is unsupported by the emulator (EMULATOR_UNSUPPORTED naming it),
// any other `$name` is unknown to MongoDB itself (DATABASE_REQUEST_FAILED).
export const MONGO_EXPRESSION_OPERATORS = new Set(
  `$abs $accumulator $acos $acosh $add $addToSet $allElementsTrue $and $anyElementTrue $arrayElemAt $arrayToObject
  $asin $asinh $atan $atan2 $atanh $avg $binarySize $bitAnd $bitNot $bitOr $bitXor $bottom $bottomN $bsonSize $ceil
  $cmp $concat $concatArrays $cond $convert $cos $cosh $count $dateAdd $dateDiff $dateFromParts $dateFromString
  $dateSubtract $dateToParts $dateToString $dateTrunc $dayOfMonth $dayOfWeek $dayOfYear $degreesToRadians $divide
  $eq $exp $filter $first $firstN $floor $function $getField $gt $gte $hour $ifNull $in $indexOfArray $indexOfBytes
  $indexOfCP $isArray $isNumber $isoDayOfWeek $isoWeek $isoWeekYear $last $lastN $let $literal $ln $log $log10 $lt
  $lte $ltrim $map $max $maxN $median $mergeObjects $meta $min $minN $millisecond $minute $mod $month $multiply $ne
  $not $objectToArray $or $percentile $pow $push $radiansToDegrees $rand $range $reduce $regexFind $regexFindAll
  $regexMatch $replaceAll $replaceOne $reverseArray $round $rtrim $sampleRate $second $setDifference $setEquals
  $setField $setIntersection $setIsSubset $setUnion $sin $sinh $size $slice $sortArray $split $sqrt $stdDevPop
  $stdDevSamp $strcasecmp $strLenBytes $strLenCP $substr $substrBytes $substrCP $subtract $sum $switch $tan $tanh
  $toBool $toDate $toDecimal $toDouble $toInt $toLong $toLower $toObjectId $toString $toUpper $top $topN $trim
  $trunc $tsIncrement $tsSecond $type $unsetField $week $year $zip`.split(/\s+/),
);
